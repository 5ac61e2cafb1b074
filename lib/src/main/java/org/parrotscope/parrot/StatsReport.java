package org.parrotscope.parrot;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import tech.tablesaw.api.Table;

/** Writes parrot statistics: every table as CSV, a summary JSON, and a readable Table 1. */
public final class StatsReport {

    /** File name of the summary in the output folder. */
    public static final String SUMMARY = "summary.json";

    private StatsReport() {}

    /**
     * Table 1 as flat JSON: {@code images}, {@code images_with_text}, {@code images_with_co_emb_text},
     * {@code co_emb_rate_total}, {@code co_emb_rate_text_images} for the exact matching (rates as fractions), then
     * the same keys prefixed {@code normalized_} and {@code fuzzy_}, and {@code images_with_empty_caption} per
     * matching. Undefined rates (no images) are {@code null}.
     *
     * @param stats the statistics
     * @return a new JSON object
     */
    public static JsonObject table1Json(ParrotStats stats) {
        JsonObject o = new JsonObject();
        for (Matching m : Matching.values()) {
            String p = m == Matching.EXACT ? "" : m.label() + "_";
            Table1 t = stats.table1(m);
            o.addProperty(p + "images", t.images());
            o.addProperty(p + "images_with_text", t.imagesWithText());
            o.addProperty(p + "images_with_co_emb_text", t.imagesWithCoEmbText());
            o.add(p + "co_emb_rate_total", number(t.coEmbRateTotal()));
            o.add(p + "co_emb_rate_text_images", number(t.coEmbRateTextImages()));
            o.addProperty(p + "images_with_empty_caption", t.imagesWithEmptyCaption());
        }
        return o;
    }

    private static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    /**
     * The summary: Table 1 (flat), the fuzzy rule, and the join report when given.
     *
     * @param stats the statistics
     * @param config the settings used
     * @param join the join report, or null
     * @return a new JSON object
     */
    public static JsonObject summaryJson(ParrotStats stats, StatsConfig config, JoinReport join) {
        JsonObject o = new JsonObject();
        o.add("table1", table1Json(stats));
        JsonObject f = new JsonObject();
        f.addProperty("max_edit_ratio", config.matcher().fuzzyRule().maxEditRatio());
        f.addProperty("min_length", config.matcher().fuzzyRule().minLength());
        o.add("fuzzy_rule", f);
        o.addProperty("top_k", config.topK());
        if (join != null) {
            o.add("join", join.toJson());
        }
        return o;
    }

    /**
     * Writes {@code <name>.csv} for every table of {@link ParrotStats#tables()} and {@link #SUMMARY}, each atomically.
     *
     * @param stats the statistics
     * @param config the settings used
     * @param join the join report, or null
     * @param dir the output folder (created)
     * @throws IOException when a file cannot be written
     */
    public static void write(ParrotStats stats, StatsConfig config, JoinReport join, Path dir) throws IOException {
        for (Map.Entry<String, Table> e : stats.tables().entrySet()) {
            Table t = e.getValue();
            AtomicFiles.write(dir.resolve(e.getKey() + ".csv"), out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                t.write().csv(w);
                w.flush();
            });
        }
        AtomicFiles.writeString(dir.resolve(SUMMARY), Json.PRETTY.toJson(summaryJson(stats, config, join)) + "\n");
    }

    /**
     * A readable Table 1, laid out like the paper's, with one column per matching.
     *
     * @param stats the statistics
     * @return the text table
     */
    public static String table1Text(ParrotStats stats) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-36s%14s%14s%14s%n", "Table 1", "exact", "normalized", "fuzzy"));
        row(sb, "Num. of Total Img.", stats, t -> Long.toString(t.images()));
        row(sb, "Num. of Img. w/ Emb. Text", stats, t -> Long.toString(t.imagesWithText()));
        row(sb, "Num. of Img. w/ Co-Emb. Text", stats, t -> Long.toString(t.imagesWithCoEmbText()));
        row(sb, "Co-Emb. Text Rate (in Total)", stats, t -> pct(t.coEmbRateTotal()));
        row(sb, "  - (in Img. w/ Emb. Text)", stats, t -> pct(t.coEmbRateTextImages()));
        row(sb, "Img. w/ Emb. Text share", stats, t -> pct(t.textShare()));
        row(sb, "Parrot captions among text images", stats, t -> pct(t.parrotShareOfTextImages()));
        row(sb, "Img. with empty caption (CoTR := 0)", stats, t -> Long.toString(t.imagesWithEmptyCaption()));
        return sb.toString();
    }

    private static void row(
            StringBuilder sb, String label, ParrotStats s, java.util.function.Function<Table1, String> f) {
        sb.append(String.format(
                Locale.ROOT,
                "%-36s%14s%14s%14s%n",
                label,
                f.apply(s.table1(Matching.EXACT)),
                f.apply(s.table1(Matching.NORMALIZED)),
                f.apply(s.table1(Matching.FUZZY))));
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : "-";
    }
}
