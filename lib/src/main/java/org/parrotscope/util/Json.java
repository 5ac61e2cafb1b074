package org.parrotscope.util;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

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
}
