package org.parrotscope.util;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The few numbers that sum up one notebook's run, written as {@code headline.json} into its output
 * folder; {@code environment/run} lists them in the run's {@code index.html} next to the report. The
 * values are what the notebook computed, never typed in: a {@code Headline} holds numbers and short
 * texts in the order they were added.
 *
 * <pre>{@code Headline.of("Table 1 on the ground truth").add("text images (%)", 54.1).write(OUT);}</pre>
 */
public final class Headline {

    /** The file name inside a notebook's output folder. */
    public static final String FILE = "headline.json";

    private final String summary;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Headline(String summary) {
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    /**
     * @param summary one line saying what the numbers are (e.g. which data the run read)
     * @return an empty headline
     */
    public static Headline of(String summary) {
        return new Headline(summary);
    }

    /**
     * @param name what the number is, with its unit
     * @param value the number (NaN is written as such, e.g. a rate over no images)
     * @return this
     */
    public Headline add(String name, Number value) {
        values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * @param name what the text is
     * @param value a short text, e.g. the data set read or a step that was skipped
     * @return this
     */
    public Headline add(String name, String value) {
        values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** @return the JSON object: {@code {"summary": ..., "values": {name: value, ...}}} */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("summary", summary);
        JsonObject v = new JsonObject();
        values.forEach((k, x) -> {
            if (x instanceof Number n) {
                v.addProperty(k, n);
            } else {
                v.addProperty(k, (String) x);
            }
        });
        o.add("values", v);
        return o;
    }

    /**
     * Writes {@code dir/headline.json} atomically.
     *
     * @param dir the notebook's output folder
     * @return the file written
     */
    public Path write(Path dir) {
        Path file = dir.resolve(FILE);
        AtomicFiles.writeString(file, Json.PRETTY.toJson(toJson()) + "\n");
        return file;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(summary);
        values.forEach((k, v) -> sb.append("\n  ").append(k).append(": ").append(v));
        return sb.toString();
    }
}
