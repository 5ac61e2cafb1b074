package org.parrotscope.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.parrotscope.parrot.PaperNumbers;
import org.parrotscope.parrot.PaperNumbers.MeanStd;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's Table 2 from ablation rows: mean ± std CLIP score of each text-removal setup, aggregated over
 * samples or over clusters (the mean and std of per-cluster means, which the paper's numbers appear to be,
 * PAPER.md Step 5; the printed values are {@link PaperNumbers}' Table 2 constants). Std is the sample standard
 * deviation (n − 1); the paper does not say which.
 */
public final class Table2 {

    /** Row label: raw images without spotted text (●). */
    public static final String RAW_WITHOUT_TEXT = "Raw w/o Emb. Text";
    /** Row label: raw images with spotted text (●). */
    public static final String RAW_WITH_TEXT = "Raw w/ Emb. Text";
    /** Row label: random-area baseline of All removal (×). */
    public static final String RANDOM_ALL = "Random All-Emb. Text Removal";
    /** Row label: All-Emb. text removed (×). */
    public static final String ALL_REMOVED = "All-Emb. Text Removal";
    /** Row label: random-area baseline of Co removal (■). */
    public static final String RANDOM_CO = "Random Co-Emb. Text Removal";
    /** Row label: Co-Emb. text removed (■). */
    public static final String CO_REMOVED = "Co-Emb. Text Removal";

    /** Aggregation label: every sample counts once. */
    public static final String OVER_SAMPLES = "samples";
    /** Aggregation label: every cluster's mean counts once. */
    public static final String OVER_CLUSTERS = "clusters";

    private record Setup(
            String name,
            String marker,
            Predicate<AblationRow> in,
            ToDoubleFunction<AblationRow> score,
            MeanStd paper) {}

    private static final List<Setup> SETUPS = List.of(
            new Setup(RAW_WITHOUT_TEXT, "●", r -> !r.hasText(), AblationRow::sRaw, PaperNumbers.CLIP_SCORE_RAW_NO_TEXT),
            new Setup(
                    RAW_WITH_TEXT, "●", AblationRow::hasText, AblationRow::sRaw, PaperNumbers.CLIP_SCORE_RAW_WITH_TEXT),
            new Setup(
                    RANDOM_ALL,
                    "×",
                    r -> !Double.isNaN(r.sRandAll()),
                    AblationRow::sRandAll,
                    PaperNumbers.CLIP_SCORE_RANDOM_ALL_REMOVED),
            new Setup(
                    ALL_REMOVED,
                    "×",
                    r -> !Double.isNaN(r.sAll()),
                    AblationRow::sAll,
                    PaperNumbers.CLIP_SCORE_ALL_TEXT_REMOVED),
            new Setup(
                    RANDOM_CO,
                    "■",
                    r -> !Double.isNaN(r.sRandCo()),
                    AblationRow::sRandCo,
                    PaperNumbers.CLIP_SCORE_RANDOM_CO_EMB_REMOVED),
            new Setup(
                    CO_REMOVED,
                    "■",
                    r -> !Double.isNaN(r.sCo()),
                    AblationRow::sCo,
                    PaperNumbers.CLIP_SCORE_CO_EMB_TEXT_REMOVED));

    private Table2() {}

    /**
     * Table 2 over samples.
     *
     * @param rows the ablation rows
     * @return columns setup, marker, aggregation, n (samples), mean, std; one row per setup in the paper's order
     */
    public static Table overSamples(List<AblationRow> rows) {
        Table t = empty("Table 2 (over samples)");
        for (Setup s : SETUPS) {
            double[] v = rows.stream().filter(s.in()).mapToDouble(s.score()).toArray();
            append(t, s, OVER_SAMPLES, v);
        }
        return t;
    }

    /**
     * Table 2 over clusters: each setup's mean within every cluster that has such samples, then the mean and std of
     * these cluster means. Samples without a cluster are left out.
     *
     * @param rows the ablation rows
     * @param clusters cluster label by sample key
     * @return columns setup, marker, aggregation, n (clusters), mean, std
     */
    public static Table overClusters(List<AblationRow> rows, Map<String, String> clusters) {
        return overClusters(rows, clusters, null);
    }

    /**
     * Table 2 over clusters, with the clustering named in the aggregation column and the table name, e.g. {@code
     * clusters (ours: k-means, k = 25)}, so that a table over our own clusters is never taken for the paper's.
     *
     * @param rows the ablation rows
     * @param clusters cluster label by sample key
     * @param clustering a short name of the clustering, or null for the plain label {@link #OVER_CLUSTERS}
     * @return columns setup, marker, aggregation, n (clusters), mean, std
     */
    public static Table overClusters(List<AblationRow> rows, Map<String, String> clusters, String clustering) {
        String aggregation = clustering == null || clustering.isBlank()
                ? OVER_CLUSTERS
                : OVER_CLUSTERS + " (" + clustering.strip() + ")";
        Table t = empty("Table 2 (over " + aggregation + ")");
        for (Setup s : SETUPS) {
            Map<String, double[]> sums = new LinkedHashMap<>(); // cluster -> {sum, count}
            for (AblationRow r : rows) {
                String c = clusters.get(r.key());
                if (c != null && s.in().test(r)) {
                    double[] acc = sums.computeIfAbsent(c, k -> new double[2]);
                    acc[0] += s.score().applyAsDouble(r);
                    acc[1]++;
                }
            }
            append(
                    t,
                    s,
                    aggregation,
                    sums.values().stream().mapToDouble(a -> a[0] / a[1]).toArray());
        }
        return t;
    }

    /**
     * Adds the published values beside ours.
     *
     * @param ours a table from {@link #overSamples} or {@link #overClusters} (not modified)
     * @return a copy with columns paper_mean and paper_std (the paper's Table 2 as in {@link PaperNumbers}, OpenAI
     *     ViT-B/32 on LAION-2B)
     */
    public static Table withPaper(Table ours) {
        Table t = ours.copy();
        Map<String, MeanStd> paper = new HashMap<>();
        SETUPS.forEach(s -> paper.put(s.name(), s.paper()));
        DoubleColumn mean = DoubleColumn.create("paper_mean");
        DoubleColumn std = DoubleColumn.create("paper_std");
        for (String setup : t.stringColumn("setup")) {
            MeanStd r = paper.get(setup);
            mean.append(r == null ? Double.NaN : r.mean());
            std.append(r == null ? Double.NaN : r.std());
        }
        return t.addColumns(mean, std);
    }

    /**
     * Reads a cluster assignment.
     *
     * @param file a CSV with header {@code key,cluster}
     * @return cluster by key
     * @throws IOException naming the file and line when it is malformed
     */
    public static Map<String, String> readClusters(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals("key,cluster")) {
            throw new IOException(file + ": a cluster assignment needs the header key,cluster");
        }
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            int comma = l.lastIndexOf(',');
            if (comma <= 0 || comma == l.length() - 1) {
                throw new IOException(file + " line " + (i + 1) + ": expected key,cluster: " + l);
            }
            String key = l.substring(0, comma);
            if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
                key = key.substring(1, key.length() - 1).replace("\"\"", "\"");
            }
            out.put(key, l.substring(comma + 1).strip());
        }
        return out;
    }

    /**
     * The rows as a table with the CSV's columns (scores that do not apply are missing values).
     *
     * @param rows ablation rows
     * @return columns key, shard, has_text, s_raw, s_all, s_co, s_rand_all, s_rand_co, rsa, rsc
     */
    public static Table rows(List<AblationRow> rows) {
        StringColumn key = StringColumn.create("key");
        StringColumn shard = StringColumn.create("shard");
        StringColumn hasText = StringColumn.create("has_text");
        List<DoubleColumn> cols = new ArrayList<>();
        for (String n : List.of("s_raw", "s_all", "s_co", "s_rand_all", "s_rand_co", "rsa", "rsc")) {
            cols.add(DoubleColumn.create(n));
        }
        for (AblationRow r : rows) {
            key.append(r.key());
            shard.append(r.shard());
            hasText.append(String.valueOf(r.hasText()));
            double[] v = {r.sRaw(), r.sAll(), r.sCo(), r.sRandAll(), r.sRandCo(), r.rsa(), r.rsc()};
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i])) {
                    cols.get(i).appendMissing();
                } else {
                    cols.get(i).append(v[i]);
                }
            }
        }
        Table t = Table.create("ablation", key, shard, hasText);
        cols.forEach(t::addColumns);
        return t;
    }

    private static Table empty(String name) {
        return Table.create(
                name,
                StringColumn.create("setup"),
                StringColumn.create("marker"),
                StringColumn.create("aggregation"),
                IntColumn.create("n"),
                DoubleColumn.create("mean"),
                DoubleColumn.create("std"));
    }

    private static void append(Table t, Setup s, String aggregation, double[] v) {
        double mean = Double.NaN;
        double std = Double.NaN;
        if (v.length > 0) {
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            mean = sum / v.length;
            if (v.length > 1) {
                double ss = 0;
                for (double x : v) {
                    ss += (x - mean) * (x - mean);
                }
                std = Math.sqrt(ss / (v.length - 1));
            }
        }
        t.stringColumn("setup").append(s.name());
        t.stringColumn("marker").append(s.marker());
        t.stringColumn("aggregation").append(aggregation);
        t.intColumn("n").append(v.length);
        t.doubleColumn("mean").append(mean);
        t.doubleColumn("std").append(std);
    }
}
