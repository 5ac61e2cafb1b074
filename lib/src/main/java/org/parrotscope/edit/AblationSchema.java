package org.parrotscope.edit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageTypeParser;
import org.parrotscope.util.ParquetTable;

/**
 * The Parquet table of the text-removal ablation (paper Step 5), one row per ablated sample in shard order: the
 * columns of {@link AblationCsv} ({@code key, shard, has_text, s_raw, s_all, s_co, s_rand_all, s_rand_co, rsa,
 * rsc}) with full float precision instead of 6 decimals, and null where the CSV cell is empty (a score that does
 * not apply). Written by {@code ablate --format parquet} and {@code spark ablate}.
 */
public final class AblationSchema {

    /** The scores after {@code has_text}, in CSV order. */
    private static final List<String> SCORES =
            List.of("s_raw", "s_all", "s_co", "s_rand_all", "s_rand_co", "rsa", "rsc");

    /** The table: name {@code ablation}, schema version 1. */
    public static final ParquetTable TABLE =
            new ParquetTable("ablation", "1", MessageTypeParser.parseMessageType(text()));

    private AblationSchema() {}

    private static String text() {
        StringBuilder sb = new StringBuilder("message parrotscope_ablation {\n")
                .append("  required binary key (STRING);\n")
                .append("  required binary shard (STRING);\n")
                .append("  required boolean has_text;\n")
                .append("  required double s_raw;\n");
        for (String c : SCORES.subList(1, SCORES.size())) {
            sb.append("  optional double ").append(c).append(";\n");
        }
        return sb.append("}\n").toString();
    }

    /**
     * One row.
     *
     * @param factory the group factory of {@link #TABLE}
     * @param r the ablation row
     * @return the Parquet row
     */
    public static Group row(SimpleGroupFactory factory, AblationRow r) {
        Group g = factory.newGroup();
        g.add("key", r.key());
        g.add("shard", r.shard());
        g.add("has_text", r.hasText());
        double[] v = {r.sRaw(), r.sAll(), r.sCo(), r.sRandAll(), r.sRandCo(), r.rsa(), r.rsc()};
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                g.add(SCORES.get(i), v[i]);
            }
        }
        return g;
    }

    /**
     * @param rows ablation rows
     * @return their Parquet rows
     */
    public static List<Group> rows(List<AblationRow> rows) {
        SimpleGroupFactory f = TABLE.factory();
        return rows.stream().map(r -> row(f, r)).toList();
    }

    /**
     * Reads one shard's file.
     *
     * @param file a {@code <shard>.parquet} of this table
     * @return its rows
     * @throws IOException naming the file when it cannot be read or is incomplete
     */
    public static List<AblationRow> read(Path file) throws IOException {
        List<AblationRow> out = new ArrayList<>();
        for (Group g : TABLE.read(file)) {
            out.add(new AblationRow(
                    g.getString("key", 0),
                    g.getString("shard", 0),
                    g.getBoolean("has_text", 0),
                    g.getDouble("s_raw", 0),
                    opt(g, "s_all"),
                    opt(g, "s_co"),
                    opt(g, "s_rand_all"),
                    opt(g, "s_rand_co")));
        }
        return out;
    }

    private static double opt(Group g, String column) {
        return g.getFieldRepetitionCount(column) == 0 ? Double.NaN : g.getDouble(column, 0);
    }
}
