package org.parrotscope.kernel;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's settings, read from IJava 1.3's environment variables so a kernelspec written for IJava
 * works unchanged.
 *
 * @param classpath extra classpath entries for user code ({@code IJAVA_CLASSPATH}, path-separator list;
 *     globs as in {@code %classpath})
 * @param compilerOptions options for JShell's compiler ({@code IJAVA_COMPILER_OPTS}, space separated)
 * @param startupScripts {@code .jshell} files run at start ({@code IJAVA_STARTUP_SCRIPTS_PATH},
 *     path-separator list of globs)
 * @param startupScript Java code run at start ({@code IJAVA_STARTUP_SCRIPT})
 * @param timeout limit for one top-level statement ({@code IJAVA_TIMEOUT}: milliseconds, or
 *     {@code "<n> <TimeUnit>"} such as {@code 30 SECONDS}; below 1 means none), empty for no limit
 */
public record KernelConfig(
        List<String> classpath,
        List<String> compilerOptions,
        List<String> startupScripts,
        String startupScript,
        Optional<Duration> timeout) {

    /** Validates and copies. */
    public KernelConfig {
        classpath = List.copyOf(classpath);
        compilerOptions = List.copyOf(compilerOptions);
        startupScripts = List.copyOf(startupScripts);
        startupScript = startupScript == null ? "" : startupScript;
        if (timeout == null) {
            throw new IllegalArgumentException("timeout must be an Optional, not null");
        }
    }

    /** @return the settings with nothing configured */
    public static KernelConfig defaults() {
        return fromEnv(Map.of());
    }

    /**
     * Reads the IJava environment variables.
     *
     * @param env the environment, e.g. {@code System.getenv()}
     * @return the settings
     * @throws IllegalArgumentException when {@code IJAVA_TIMEOUT} cannot be parsed
     */
    public static KernelConfig fromEnv(Map<String, String> env) {
        return new KernelConfig(
                splitPath(env.get("IJAVA_CLASSPATH")),
                splitSpaces(env.get("IJAVA_COMPILER_OPTS")),
                splitPath(env.get("IJAVA_STARTUP_SCRIPTS_PATH")),
                env.getOrDefault("IJAVA_STARTUP_SCRIPT", ""),
                parseTimeout(env.get("IJAVA_TIMEOUT")));
    }

    /**
     * Parses an {@code IJAVA_TIMEOUT} value.
     *
     * @param text milliseconds ({@code 5000}), a count and a {@link TimeUnit} name ({@code 30 SECONDS}),
     *     or null/blank
     * @return the timeout, empty when absent or below 1
     */
    static Optional<Duration> parseTimeout(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("\\s+");
        try {
            long n = Long.parseLong(parts[0]);
            TimeUnit unit =
                    parts.length > 1 ? TimeUnit.valueOf(parts[1].toUpperCase(Locale.ROOT)) : TimeUnit.MILLISECONDS;
            if (parts.length > 2) {
                throw new IllegalArgumentException("too many words");
            }
            return n < 1 ? Optional.empty() : Optional.of(Duration.ofNanos(unit.toNanos(n)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "IJAVA_TIMEOUT='" + text
                            + "' is not a duration: use milliseconds (5000) or '<n> <TimeUnit>' (30 SECONDS)",
                    e);
        }
    }

    private static List<String> splitPath(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(File.pathSeparator))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static List<String> splitSpaces(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.trim().split("\\s+")).toList();
    }
}
