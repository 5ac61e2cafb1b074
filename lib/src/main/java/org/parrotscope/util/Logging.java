package org.parrotscope.util;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How loud the libraries under ParrotScope are. By default only what a user should act on (WARN and
 * above) reaches the console, the CLI's stderr or a notebook's report; {@code PARROTSCOPE_LOG=info} or
 * {@code debug} (or the system property {@code parrotscope.log}) shows more.
 *
 * <p>The binding is slf4j-simple, which reads its settings once, when the first logger is made: call
 * {@link #configure()} first thing in a {@code main}. The bundled {@code simplelogger.properties} holds
 * the same defaults for hosts that never call it (e.g. upstream IJava).
 */
public final class Logging {

    /** The environment variable naming the level: error, warn (the default), info, debug or trace. */
    public static final String ENV = "PARROTSCOPE_LOG";

    /** The system property read when {@link #ENV} is not set. */
    public static final String PROPERTY = "parrotscope.log";

    /** The level when neither {@link #ENV} nor {@link #PROPERTY} is set. */
    public static final String DEFAULT_LEVEL = "warn";

    static final String SIMPLE = "org.slf4j.simpleLogger.";

    // DJL probes for CUDA on every start and warns twice on a CPU-only machine ("Failed to detect GPU
    // count: CUDA driver version is insufficient"); nothing to act on, so it is shown only when debugging.
    static final String CUDA_PROBE = SIMPLE + "log.ai.djl.util.cuda.CudaUtils";

    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace", "off");

    private Logging() {}

    /** Configures slf4j-simple from {@link #ENV}, else {@link #PROPERTY}, else {@link #DEFAULT_LEVEL}. */
    public static void configure() {
        String level = level(System.getenv(), System.getProperty(PROPERTY));
        System.getProperties().putAll(settings(level));
    }

    /**
     * @param env the environment
     * @param property the value of {@link #PROPERTY}, or null
     * @return the chosen level, lower case
     * @throws IllegalArgumentException when the level is not one slf4j knows, naming the variable
     */
    static String level(Map<String, String> env, String property) {
        String v = env.get(ENV);
        String from = ENV;
        if (v == null || v.isBlank()) {
            v = property;
            from = PROPERTY;
        }
        if (v == null || v.isBlank()) {
            return DEFAULT_LEVEL;
        }
        String level = v.strip().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException(
                    from + "=" + v + ": expected one of error, warn, info, debug, trace, off");
        }
        return level;
    }

    /**
     * @param level a level from {@link #level}
     * @return the slf4j-simple system properties for it
     */
    static Map<String, String> settings(String level) {
        boolean debugging = level.equals("debug") || level.equals("trace");
        return Map.of(
                SIMPLE + "defaultLogLevel",
                level,
                CUDA_PROBE,
                debugging ? level : "error",
                SIMPLE + "showThreadName",
                String.valueOf(debugging),
                SIMPLE + "showShortLogName",
                "true",
                SIMPLE + "showLogName",
                "false");
    }
}
