package org.parrotscope.util;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/** The project's JSON settings: one {@link Gson} for compact lines (JSONL) and one for reports. */
public final class Json {

    /** Compact, one object per line; NaN and infinities are written (as JSON5 literals) rather than failing. */
    public static final Gson COMPACT = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .create();

    /** Indented, for reports and configuration files. */
    public static final Gson PRETTY = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .setPrettyPrinting()
            .create();

    private Json() {}

    /**
     * Parses one JSON text. Upstream IJava puts gson 2.8.5 ahead of the library's gson on the classpath, so
     * library code calls only gson API that 2.8.5 has: {@code JsonParser.parseString} arrived in 2.8.6.
     *
     * @param text a JSON text
     * @return its tree
     * @throws com.google.gson.JsonParseException when it is not JSON
     */
    @SuppressWarnings("deprecation")
    public static JsonElement parse(String text) {
        return new JsonParser().parse(text);
    }
}
