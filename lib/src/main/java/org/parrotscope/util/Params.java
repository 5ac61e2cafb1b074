package org.parrotscope.util;

/**
 * Notebook parameters: papermill cannot inject Java values, so each knob of a notebook's PARAMETERS
 * cell is read from the environment variable of the same name, else the system property, else its
 * default (d2l-java's {@code Integer.getInteger("MAX_EPOCH", 10)} pattern, extended to the environment
 * because {@code environment/notebook} passes parameters as environment variables).
 */
public final class Params {

    private Params() {}

    /**
     * @param name the parameter name, e.g. {@code SAMPLES}
     * @param fallback the default, used when neither the environment nor the system properties set it
     * @return the value as text
     */
    public static String param(String name, Object fallback) {
        String env = System.getenv(name);
        if (env != null) {
            return env;
        }
        return System.getProperty(name, String.valueOf(fallback));
    }
}
