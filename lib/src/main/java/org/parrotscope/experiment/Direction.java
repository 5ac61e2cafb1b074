package org.parrotscope.experiment;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's direction set against the seed-to-seed spread (Sec. 6, Tables 3-4, Fig. 8): models trained on text-only
 * and high-CoTR subsets have a higher Sync score and written-class rate and a lower zero-shot accuracy than those
 * trained without text and on CoTR = 0. Each contrast is a difference of seed means; it counts as the paper's
 * direction beyond the spread only when it has the paper's sign and exceeds twice the standard error of a
 * difference of two seed means ({@code sqrt(2 / n) * sd}, where {@code sd} is the seed-to-seed standard deviation).
 */
public final class Direction {

    /** The metrics and the sign the paper reports for "more text" minus "less text". */
    public static final Map<String, Integer> EXPECTED = expected();

    /** Verdict labels. */
    public static final String AS_PAPER = "as the paper, beyond the spread";
    /** The paper's sign, within the spread. */
    public static final String WITHIN = "within the spread";
    /** The opposite sign beyond the spread. */
    public static final String OPPOSITE = "opposite to the paper, beyond the spread";

    private Direction() {}

    private static Map<String, Integer> expected() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("sync.mean", 1);
        m.put("typographic.written_class_rate", 1);
        m.put("zeroshot.top1", -1);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The pooled seed-to-seed standard deviation of each metric: for every subset with at least two seeds the sample
     * variance over its seeds, averaged over subsets (weights: degrees of freedom), then the square root.
     *
     * @param r results with several seeds
     * @return metric path to its spread, NaN for a run with one seed
     */
    public static Map<String, Double> seedSpread(ExperimentResults r) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String m : EXPECTED.keySet()) {
            Map<String, List<Double>> bySubset = new LinkedHashMap<>();
            for (JsonObject o : r.subsets()) {
                bySubset.computeIfAbsent(o.get("subset").getAsString(), k -> new ArrayList<>())
                        .add(PaperTables.metric(o, m));
            }
            double ss = 0;
            int df = 0;
            for (List<Double> v : bySubset.values()) {
                if (v.size() < 2) {
                    continue;
                }
                double mean =
                        v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                for (double x : v) {
                    ss += (x - mean) * (x - mean);
                }
                df += v.size() - 1;
            }
            out.put(m, df == 0 ? Double.NaN : Math.sqrt(ss / df));
        }
        return out;
    }

    /**
     * The spread as a table.
     *
     * @param r results with several seeds
     * @return metric, seed_sd, seeds
     */
    public static Table spreadTable(ExperimentResults r) {
        Table t = Table.create(
                "seed-to-seed spread",
                StringColumn.create("metric"),
                DoubleColumn.create("seed_sd"),
                IntColumn.create("seeds"));
        seedSpread(r).forEach((m, sd) -> {
            t.stringColumn("metric").append(m);
            t.doubleColumn("seed_sd").append(sd);
            t.intColumn("seeds").append(r.seeds().size());
        });
        return t;
    }

    /**
     * The contrasts of a run: "w/ Emb. Text Only" minus "w/o Emb. Text" (Curation I), and each CoTR &gt;= t and CoTR
     * = 1 minus CoTR = 0 (Curation II), for every metric of {@link #EXPECTED}.
     *
     * @param r the results (seed means are compared)
     * @param spread metric to seed-to-seed sd (from this run or a separate 3-seed run)
     * @return contrast, metric, more_text, less_text, difference, expected_sign, threshold, verdict
     */
    public static Table of(ExperimentResults r, Map<String, Double> spread) {
        Table t = Table.create(
                "the paper's direction vs the seed spread",
                StringColumn.create("contrast"),
                StringColumn.create("metric"),
                DoubleColumn.create("more_text"),
                DoubleColumn.create("less_text"),
                DoubleColumn.create("difference"),
                IntColumn.create("expected_sign"),
                DoubleColumn.create("threshold"),
                StringColumn.create("verdict"));
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {"w/ Emb. Text Only", "w/o Emb. Text"});
        for (String hi : List.of("CoTR >= 0.3", "CoTR >= 0.5", "CoTR >= 0.8", "CoTR = 1.0")) {
            pairs.add(new String[] {hi, "CoTR = 0.0"});
        }
        for (String[] p : pairs) {
            List<JsonObject> more = byLabel(r, p[0]);
            List<JsonObject> less = byLabel(r, p[1]);
            if (more.isEmpty() || less.isEmpty()) {
                continue;
            }
            for (var e : EXPECTED.entrySet()) {
                double a = PaperTables.mean(more.stream()
                        .mapToDouble(o -> PaperTables.metric(o, e.getKey()))
                        .toArray());
                double b = PaperTables.mean(less.stream()
                        .mapToDouble(o -> PaperTables.metric(o, e.getKey()))
                        .toArray());
                double d = a - b;
                double sd = spread.getOrDefault(e.getKey(), Double.NaN);
                double threshold = 2 * sd * Math.sqrt(2.0 / Math.max(1, Math.min(more.size(), less.size())));
                t.stringColumn("contrast").append(p[0] + " - " + p[1]);
                t.stringColumn("metric").append(e.getKey());
                t.doubleColumn("more_text").append(a);
                t.doubleColumn("less_text").append(b);
                t.doubleColumn("difference").append(d);
                t.intColumn("expected_sign").append(e.getValue());
                t.doubleColumn("threshold").append(threshold);
                t.stringColumn("verdict").append(verdict(d, e.getValue(), threshold));
            }
        }
        return t;
    }

    /**
     * The verdict of one contrast.
     *
     * @param difference more-text minus less-text
     * @param sign the paper's sign
     * @param threshold twice the standard error of the difference
     * @return {@link #AS_PAPER}, {@link #WITHIN}, {@link #OPPOSITE}, or "no spread measured"
     */
    static String verdict(double difference, int sign, double threshold) {
        if (Double.isNaN(threshold)) {
            return "no spread measured";
        }
        if (Math.abs(difference) <= threshold) {
            return WITHIN;
        }
        return Math.signum(difference) == sign ? AS_PAPER : OPPOSITE;
    }

    private static List<JsonObject> byLabel(ExperimentResults r, String label) {
        return r.subsets().stream()
                .filter(o -> o.get("label").getAsString().equals(label))
                .toList();
    }

    /**
     * A one-paragraph verdict of {@link #of}: how many contrasts go the paper's way beyond the spread, within it, and
     * against it.
     *
     * @param direction a table of {@link #of}
     * @return the sentence
     */
    public static String summary(Table direction) {
        int as = 0;
        int within = 0;
        int opposite = 0;
        int none = 0;
        for (String v : direction.stringColumn("verdict")) {
            switch (v) {
                case AS_PAPER -> as++;
                case WITHIN -> within++;
                case OPPOSITE -> opposite++;
                default -> none++;
            }
        }
        String s = String.format(
                java.util.Locale.ROOT,
                "%d of %d contrasts (Sync score, written-class rate, zero-shot top-1) go the paper's way beyond the seed"
                        + " spread, %d are within it, %d go against the paper beyond it",
                as,
                direction.rowCount(),
                within,
                opposite);
        return none > 0 ? s + ", " + none + " have no spread to compare with." : s + ".";
    }

    /**
     * Does a model read the printed words? Per model: the held-out score drop when the Co-Emb. pairs' text is
     * removed, the drop when as large a random area is removed instead, and their gap (Fig. 9, Table 2's logic).
     *
     * @param r the results (models with several seeds: the mean)
     * @return model, text_drop, random_drop, gap
     */
    public static Table removalGap(ExperimentResults r) {
        Table f9 = PaperTables.fig9(r);
        Table t = Table.create(
                "text removal vs random removal (held-out pairs with text)",
                StringColumn.create("model"),
                DoubleColumn.create("text_drop"),
                DoubleColumn.create("random_drop"),
                DoubleColumn.create("gap"));
        for (int i = 0; i < f9.rowCount(); i++) {
            double with = f9.doubleColumn("with_text").getDouble(i);
            double text = with - f9.doubleColumn("all_removed").getDouble(i);
            double random = with - f9.doubleColumn("random_all_removed").getDouble(i);
            t.stringColumn("model").append(f9.stringColumn("model").get(i));
            t.doubleColumn("text_drop").append(text);
            t.doubleColumn("random_drop").append(random);
            t.doubleColumn("gap").append(text - random);
        }
        return t;
    }
}
