package org.parrotscope.experiment;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parrotscope.parrot.PaperNumbers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@link ExperimentResults} laid out as the paper's tables, each next to the published values of {@link
 * PaperNumbers}: Tables 3-6 (one row per subset in the paper's order; IN = zero-shot top-1, Ret. = retrieval, plus
 * the Sync score and the typographic written-class rate the paper reports for its models in Figs. 8 and Table 12),
 * Table 10 (metrics by model), Fig. 8's Sync scores and Fig. 9's held-out scores.
 *
 * <p>Ret. here is the mean of image-to-text and text-to-image recall at 1 on the held-out pairs (ours; the paper's
 * Ret. averages DataComp's retrieval tasks). The paper's Avg. (38 DataComp tasks) has no counterpart on mini-LAION and
 * is shown for the paper only. With several seeds a value is the mean over seeds and {@code _sd} columns give the
 * standard deviation between seeds.
 */
public final class PaperTables {

    /** Our metrics in Tables 3-6: column name to the dotted path in a results object. */
    public static final Map<String, String> METRICS = metrics();

    /** Which paper table each curation is. */
    private static final Map<String, String> TABLE_OF =
            Map.of("I", "Table 3", "II", "Table 4", "III-RSA", "Table 5", "III-RSC", "Table 6");

    private PaperTables() {}

    private static Map<String, String> metrics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("in", "zeroshot.top1");
        m.put("ret", "retrieval.r1_mean");
        m.put("sync", "sync.mean");
        m.put("written_class_rate", "typographic.written_class_rate");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A subset's metric, also the derived {@code retrieval.r1_mean}.
     *
     * @param row a results object
     * @param path the dotted path
     * @return the value, NaN when absent
     */
    public static double metric(JsonObject row, String path) {
        if (path.equals("retrieval.r1_mean")) {
            return (ExperimentResults.value(row, "retrieval.i2t_r1") + ExperimentResults.value(row, "retrieval.t2i_r1"))
                    / 2;
        }
        return ExperimentResults.value(row, path);
    }

    /**
     * One curation's table in the paper's shape: a row per subset in the paper's order, our size, metrics
     * ({@link #METRICS}, and {@code avg_s}), then the paper's 3M ViT-B and RN50 values ({@code paper_} columns).
     *
     * @param r the results
     * @param curation {@code I}, {@code II}, {@code III-RSA} or {@code III-RSC}
     * @return the table, empty when the run has no such subsets
     */
    public static Table subsets(ExperimentResults r, String curation) {
        Table t = Table.create(
                TABLE_OF.getOrDefault(curation, curation) + " (Curation " + curation + ", ours vs paper 3M)",
                StringColumn.create("subset"),
                IntColumn.create("size"),
                IntColumn.create("seeds"));
        List<String> ours = new ArrayList<>(METRICS.keySet());
        ours.add("avg_s");
        ours.add("text_rate");
        ours.add("mean_cotr");
        boolean spread = r.seeds().size() > 1;
        for (String m : ours) {
            t.addColumns(DoubleColumn.create(m));
            if (spread && METRICS.containsKey(m)) {
                t.addColumns(DoubleColumn.create(m + "_sd"));
            }
        }
        List<String> paperCols = List.of("vitb_in", "vitb_ret", "vitb_avg", "rn50_in", "rn50_ret", "rn50_avg", "avg_s");
        paperCols.forEach(c -> t.addColumns(DoubleColumn.create("paper_" + c)));
        Table paper = PaperNumbers.subsetTable();
        for (String label : labels(r, curation)) {
            List<JsonObject> rows = r.subsets().stream()
                    .filter(o -> o.get("label").getAsString().equals(label))
                    .toList();
            t.stringColumn("subset").append(label);
            t.intColumn("size").append(rows.get(0).get("size").getAsInt());
            t.intColumn("seeds").append(rows.size());
            for (String m : ours) {
                String path = METRICS.getOrDefault(m, m);
                double[] v = rows.stream().mapToDouble(o -> metric(o, path)).toArray();
                t.doubleColumn(m).append(mean(v));
                if (spread && METRICS.containsKey(m)) {
                    t.doubleColumn(m + "_sd").append(sd(v));
                }
            }
            Table p = paper.where(paper.stringColumn(PaperNumbers.SUBSET_LABEL).isEqualTo(label));
            for (String c : paperCols) {
                t.doubleColumn("paper_" + c)
                        .append(
                                p.rowCount() == 0
                                        ? Double.NaN
                                        : p.doubleColumn(c).getDouble(0));
            }
        }
        return t;
    }

    /**
     * Table 10's layout (metrics as rows, models as columns) for the reference and every subset model (mean over
     * seeds): Sync score mean and std, zero-shot top-1 (the paper's ImageNet row), retrieval.
     *
     * @param r the results
     * @return the table
     */
    public static Table table10(ExperimentResults r) {
        Map<String, List<JsonObject>> models = new LinkedHashMap<>();
        models.put(Experiment.REFERENCE, List.of(r.reference()));
        r.subsets()
                .forEach(o -> models.computeIfAbsent(o.get("label").getAsString(), k -> new ArrayList<>())
                        .add(o));
        Table t = Table.create(
                "Table 10 layout (ours)",
                StringColumn.create(
                        "metric", List.of("Sync score (mean)", "Sync score (std)", "zero-shot top-1", "retrieval")));
        List<String> paths = List.of("sync.mean", "sync.std", "zeroshot.top1", "retrieval.r1_mean");
        models.forEach((name, rows) -> {
            DoubleColumn c = DoubleColumn.create(name);
            for (String p : paths) {
                c.append(mean(rows.stream().mapToDouble(o -> metric(o, p)).toArray()));
            }
            t.addColumns(c);
        });
        return t;
    }

    /**
     * The paper's Table 10 in the same layout.
     *
     * @return metrics as rows, the paper's models as columns
     */
    public static Table table10Paper() {
        Table p = PaperNumbers.table10();
        Table t = Table.create(
                "Table 10 (paper)",
                StringColumn.create(
                        "metric", List.of("Sync score (mean)", "Sync score (std)", "ImageNet", "retrieval")));
        List<String> cols = List.of("sync_mean", "sync_std", "imagenet", "retrieval");
        for (int i = 0; i < p.rowCount(); i++) {
            DoubleColumn c = DoubleColumn.create(p.stringColumn("model").get(i));
            for (String col : cols) {
                c.append(p.doubleColumn(col).getDouble(i));
            }
            t.addColumns(c);
        }
        return t;
    }

    /**
     * Fig. 8's data: every Sync score of every model (long format).
     *
     * @param r the results
     * @return model, seed, sync
     */
    public static Table fig8(ExperimentResults r) {
        Table t = Table.create(
                "Fig. 8 data (Sync scores per model)",
                StringColumn.create("model"),
                IntColumn.create("seed"),
                DoubleColumn.create("sync"));
        List<JsonObject> all = new ArrayList<>();
        all.add(r.reference());
        all.addAll(r.subsets());
        for (JsonObject o : all) {
            JsonObject s = o.getAsJsonObject("sync");
            if (s == null || !s.has("scores")) {
                continue;
            }
            String name = o.get("label").getAsString();
            int seed = o.has("seed") ? o.get("seed").getAsInt() : -1;
            s.getAsJsonArray("scores").forEach(x -> {
                t.stringColumn("model").append(name);
                t.intColumn("seed").append(seed);
                t.doubleColumn("sync").append(x.getAsDouble());
            });
        }
        return t;
    }

    /**
     * Fig. 9's data: each model's mean held-out score without text, with text, All and Co removed, and the random
     * baselines (mean over seeds), next to the paper's digitised values for the same subset.
     *
     * @param r the results
     * @return model, our {@code HeldOutScores} columns, {@code paper_} columns
     */
    public static Table fig9(ExperimentResults r) {
        Table t = Table.create("Fig. 9 (held-out pairs, ours vs paper)", StringColumn.create("model"));
        HeldOutScores.KEYS.forEach(k -> t.addColumns(DoubleColumn.create(k)));
        PaperNumbers.FIG9_COLUMNS.forEach(k -> t.addColumns(DoubleColumn.create("paper_" + k)));
        Map<String, List<JsonObject>> models = new LinkedHashMap<>();
        models.put(Experiment.REFERENCE, List.of(r.reference()));
        r.subsets()
                .forEach(o -> models.computeIfAbsent(o.get("label").getAsString(), k -> new ArrayList<>())
                        .add(o));
        Table paper = PaperNumbers.fig9();
        models.forEach((name, rows) -> {
            t.stringColumn("model").append(name);
            for (String k : HeldOutScores.KEYS) {
                t.doubleColumn(k)
                        .append(mean(rows.stream()
                                .mapToDouble(o -> metric(o, "heldout." + k))
                                .toArray()));
            }
            String label = name.equals(Experiment.REFERENCE) ? "CLIP baseline" : name;
            Table p = paper.where(paper.stringColumn(PaperNumbers.SUBSET_LABEL).isEqualTo(label));
            for (String k : PaperNumbers.FIG9_COLUMNS) {
                t.doubleColumn("paper_" + k)
                        .append(
                                p.rowCount() == 0
                                        ? Double.NaN
                                        : p.doubleColumn(k).getDouble(0));
            }
        });
        return t;
    }

    /**
     * Every table of the run: Tables 3-6 for the curations it has, Table 10 (ours and the paper's), Figs. 8 and 9.
     *
     * @param r the results
     * @return the tables
     */
    public static List<Table> all(ExperimentResults r) {
        List<Table> out = new ArrayList<>();
        for (String c : List.of("I", "II", "III-RSA", "III-RSC")) {
            if (!labels(r, c).isEmpty()) {
                out.add(subsets(r, c));
            }
        }
        out.add(table10(r));
        out.add(table10Paper());
        out.add(fig8(r));
        out.add(fig9(r));
        return out;
    }

    /**
     * A file name for a table of {@link #all}: its name up to the first parenthesis, lower case, dashes.
     *
     * @param t the table
     * @return e.g. {@code table-3.csv}
     */
    public static String fileName(Table t) {
        String n = t.name().replaceAll("\\(.*$", "").strip().toLowerCase(Locale.ROOT);
        String suffix = t.name().contains("(paper)") ? "-paper" : "";
        return n.replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "") + suffix + ".csv";
    }

    private static List<String> labels(ExperimentResults r, String curation) {
        List<String> out = new ArrayList<>();
        for (JsonObject o : r.subsets()) {
            String l = o.get("label").getAsString();
            if (o.get("curation").getAsString().equals(curation) && !out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation (n - 1), NaN below two values. */
    static double sd(double[] v) {
        double m = mean(v);
        double ss = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                ss += (x - m) * (x - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
    }
}
