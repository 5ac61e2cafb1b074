package org.parrotscope.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The results of {@link EvalSuite}: any suite not run is null. {@link #toJson()} nests by suite:
 * {@code {"zeroshot": {"top1", "top5", "per_class", "confusion", ...}, "retrieval": {"i2t_r1", ..., "t2i_r10"},
 * "sync": {"mean", "std", "by_style", "by_frequency", "by_length"}, "typographic": {"true_class_accuracy",
 * "written_class_rate", "clean_accuracy"}, "skipped": {reason: count}}}.
 *
 * @param zeroShot zero-shot classification, or null
 * @param retrieval image-text retrieval, or null
 * @param sync the Sync score, or null
 * @param typographic the typographic probe, or null
 * @param skipped evaluation items left out because they could not be read, counted by reason
 */
public record EvalReport(
        ZeroShotResult zeroShot,
        RetrievalResult retrieval,
        SyncResult sync,
        TypographicResult typographic,
        Map<String, Long> skipped) {

    /** Copies the skip counts. */
    public EvalReport {
        skipped = Map.copyOf(skipped);
    }

    /** @return the nested JSON object */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        if (zeroShot != null) {
            JsonObject z = new JsonObject();
            z.addProperty("top1", zeroShot.top1());
            z.addProperty("top5", zeroShot.top5());
            z.addProperty("images", zeroShot.images());
            JsonObject per = new JsonObject();
            JsonObject conf = new JsonObject();
            for (int c = 0; c < zeroShot.classes().size(); c++) {
                per.addProperty(zeroShot.classes().get(c), zeroShot.perClass()[c]);
                JsonArray row = new JsonArray();
                for (int v : zeroShot.confusion()[c]) {
                    row.add(v);
                }
                conf.add(zeroShot.classes().get(c), row);
            }
            z.add("per_class", per);
            z.add("confusion", conf);
            o.add("zeroshot", z);
        }
        if (retrieval != null) {
            JsonObject r = new JsonObject();
            r.addProperty("pairs", retrieval.pairs());
            r.addProperty("i2t_r1", retrieval.i2tR1());
            r.addProperty("i2t_r5", retrieval.i2tR5());
            r.addProperty("i2t_r10", retrieval.i2tR10());
            r.addProperty("t2i_r1", retrieval.t2iR1());
            r.addProperty("t2i_r5", retrieval.t2iR5());
            r.addProperty("t2i_r10", retrieval.t2iR10());
            o.add("retrieval", r);
        }
        if (sync != null) {
            JsonObject s = new JsonObject();
            s.addProperty("mean", sync.overall().mean());
            s.addProperty("std", sync.overall().std());
            s.addProperty("count", sync.overall().count());
            s.add("by_style", groups(sync.byStyle()));
            s.add("by_frequency", groups(sync.byFrequency()));
            s.add("by_length", groups(sync.byLength()));
            o.add("sync", s);
        }
        if (typographic != null) {
            JsonObject t = new JsonObject();
            t.addProperty("images", typographic.images());
            t.addProperty("true_class_accuracy", typographic.trueClassAccuracy());
            t.addProperty("written_class_rate", typographic.writtenClassRate());
            t.addProperty("clean_accuracy", typographic.cleanAccuracy());
            o.add("typographic", t);
        }
        JsonObject sk = new JsonObject();
        new java.util.TreeMap<>(skipped).forEach(sk::addProperty);
        o.add("skipped", sk);
        return o;
    }

    private static JsonObject groups(Map<String, GroupStats> g) {
        JsonObject o = new JsonObject();
        g.forEach((k, v) -> {
            JsonObject s = new JsonObject();
            s.addProperty("count", v.count());
            s.addProperty("mean", v.mean());
            s.addProperty("std", v.std());
            o.add(k, s);
        });
        return o;
    }

    /** @return the headline numbers as a one-row table, the columns of {@link #toTable(Map)} without model */
    public Table toTable() {
        return toTable(Map.of("", this)).removeColumns("model");
    }

    /**
     * Models side by side, one row each, with the headline number of every suite; a suite that was not run is
     * NaN.
     *
     * @param byModel model name to its report, in row order
     * @return a new table: model, zeroshot_top1, zeroshot_top5, i2t_r1, i2t_r5, i2t_r10, t2i_r1, t2i_r5, t2i_r10,
     *     sync_mean, sync_std, typographic_true_class, typographic_written_class, typographic_clean
     */
    public static Table toTable(Map<String, EvalReport> byModel) {
        List<EvalReport> r = List.copyOf(byModel.values());
        Table t = Table.create("evaluation", StringColumn.create("model", List.copyOf(byModel.keySet())));
        column(
                t,
                r,
                "zeroshot_top1",
                e -> e.zeroShot() == null ? Double.NaN : e.zeroShot().top1());
        column(
                t,
                r,
                "zeroshot_top5",
                e -> e.zeroShot() == null ? Double.NaN : e.zeroShot().top5());
        column(
                t,
                r,
                "i2t_r1",
                e -> e.retrieval() == null ? Double.NaN : e.retrieval().i2tR1());
        column(
                t,
                r,
                "i2t_r5",
                e -> e.retrieval() == null ? Double.NaN : e.retrieval().i2tR5());
        column(
                t,
                r,
                "i2t_r10",
                e -> e.retrieval() == null ? Double.NaN : e.retrieval().i2tR10());
        column(
                t,
                r,
                "t2i_r1",
                e -> e.retrieval() == null ? Double.NaN : e.retrieval().t2iR1());
        column(
                t,
                r,
                "t2i_r5",
                e -> e.retrieval() == null ? Double.NaN : e.retrieval().t2iR5());
        column(
                t,
                r,
                "t2i_r10",
                e -> e.retrieval() == null ? Double.NaN : e.retrieval().t2iR10());
        column(
                t,
                r,
                "sync_mean",
                e -> e.sync() == null ? Double.NaN : e.sync().overall().mean());
        column(
                t,
                r,
                "sync_std",
                e -> e.sync() == null ? Double.NaN : e.sync().overall().std());
        column(
                t,
                r,
                "typographic_true_class",
                e -> e.typographic() == null ? Double.NaN : e.typographic().trueClassAccuracy());
        column(
                t,
                r,
                "typographic_written_class",
                e -> e.typographic() == null ? Double.NaN : e.typographic().writtenClassRate());
        column(
                t,
                r,
                "typographic_clean",
                e -> e.typographic() == null ? Double.NaN : e.typographic().cleanAccuracy());
        return t;
    }

    private static void column(Table t, List<EvalReport> reports, String name, ToDoubleFunction<EvalReport> value) {
        t.addColumns(
                DoubleColumn.create(name, reports.stream().mapToDouble(value).toArray()));
    }

    /** @return a plain-text table of the headline numbers and the Sync groups, as {@code parrotscope eval} prints */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        if (zeroShot != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "zero-shot      top-1 %.4f  top-5 %.4f  (%d images, %d classes, chance %.4f)%n",
                    zeroShot.top1(),
                    zeroShot.top5(),
                    zeroShot.images(),
                    zeroShot.classes().size(),
                    1.0 / zeroShot.classes().size()));
            for (int c = 0; c < zeroShot.classes().size(); c++) {
                sb.append(String.format(
                        Locale.ROOT, "  %-14s %.3f%n", zeroShot.classes().get(c), zeroShot.perClass()[c]));
            }
        }
        if (retrieval != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "retrieval      i2t R@1 %.4f R@5 %.4f R@10 %.4f | t2i R@1 %.4f R@5 %.4f R@10 %.4f  (%d pairs)%n",
                    retrieval.i2tR1(),
                    retrieval.i2tR5(),
                    retrieval.i2tR10(),
                    retrieval.t2iR1(),
                    retrieval.t2iR5(),
                    retrieval.t2iR10(),
                    retrieval.pairs()));
        }
        if (sync != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "sync           %.4f +- %.4f  (%d renders)%n",
                    sync.overall().mean(),
                    sync.overall().std(),
                    sync.overall().count()));
            for (var g : Map.of("style", sync.byStyle(), "frequency", sync.byFrequency(), "length", sync.byLength())
                    .entrySet()) {
                g.getValue()
                        .forEach((k, v) -> sb.append(String.format(
                                Locale.ROOT,
                                "  %-9s %-22s %.4f +- %.4f  n=%d%n",
                                g.getKey(),
                                k,
                                v.mean(),
                                v.std(),
                                v.count())));
            }
        }
        if (typographic != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "typographic    true-class acc %.4f  written-class rate %.4f  clean acc %.4f  (%d images)%n",
                    typographic.trueClassAccuracy(),
                    typographic.writtenClassRate(),
                    typographic.cleanAccuracy(),
                    typographic.images()));
        }
        if (!skipped.isEmpty()) {
            sb.append("skipped        ")
                    .append(new java.util.TreeMap<>(skipped))
                    .append(String.format(" (unreadable items left out)%n"));
        }
        return sb.toString();
    }
}
