package org.parrotscope.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.parrotscope.parrot.Matching;
import org.parrotscope.parrot.StatsColumns;
import org.parrotscope.parrot.StatsConfig;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The tables behind the ablation figures of the paper: Fig. 4b (CLIP score against the area of the Co-Emb. text)
 * and Fig. 5 left (per-cluster mean scores raw, All removed and Co removed), and plots of them. The RSA/RSC
 * histograms of Fig. 5 right are drawn from the rows directly.
 */
public final class AblationFigures {

    /** Column: a cluster label. */
    public static final String CLUSTER = "cluster";

    private AblationFigures() {}

    /**
     * Fig. 4b: the images with Co-Emb. text binned by "Text Area Ratio: Sum(Boxes)/Image" of their co-emerging words
     * (the bins of {@link org.parrotscope.parrot.StatsTables#coAreaHistogram}), with the mean raw score and the mean
     * score after Co-Emb. removal in each bin.
     *
     * @param rows the ablation rows
     * @param images the per-image table of {@link org.parrotscope.parrot.ParrotStats#images()} for the same samples
     * @param matching which matching's co-emerging area to use (the ablation's)
     * @param config the bin edges
     * @return columns bin, bin_low, bin_high, images, mean_raw, std_raw, mean_co_removed; every bin, empty ones
     *     with NaN means
     */
    public static Table scoreByCoArea(List<AblationRow> rows, Table images, Matching matching, StatsConfig config) {
        Map<String, Double> area = new HashMap<>();
        StringColumn keys = images.stringColumn(StatsColumns.KEY);
        DoubleColumn ratio = images.doubleColumn(StatsColumns.of(StatsColumns.CO_AREA_RATIO, matching));
        IntColumn co = images.intColumn(StatsColumns.of(StatsColumns.CO_WORDS, matching));
        for (int i = 0; i < images.rowCount(); i++) {
            if (co.getInt(i) > 0 && !Double.isNaN(ratio.getDouble(i))) {
                area.put(keys.get(i), ratio.getDouble(i));
            }
        }
        double[] e = config.areaBinEdges();
        List<List<AblationRow>> bins = new ArrayList<>();
        for (int b = 0; b + 1 < e.length; b++) {
            bins.add(new ArrayList<>());
        }
        for (AblationRow r : rows) {
            Double a = area.get(r.key());
            if (r.hasText() && a != null) {
                bins.get(config.areaBin(Math.min(1.0, a))).add(r); // overlapping boxes can sum past 1
            }
        }
        Table t = Table.create(
                "Fig. 4b: CLIP score by Co-Emb. text area",
                StringColumn.create(StatsColumns.BIN),
                DoubleColumn.create(StatsColumns.BIN_LOW),
                DoubleColumn.create(StatsColumns.BIN_HIGH),
                IntColumn.create(StatsColumns.IMAGES),
                DoubleColumn.create("mean_raw"),
                DoubleColumn.create("std_raw"),
                DoubleColumn.create("mean_co_removed"));
        for (int b = 0; b + 1 < e.length; b++) {
            List<AblationRow> in = bins.get(b);
            t.stringColumn(StatsColumns.BIN).append("[" + e[b] + "," + e[b + 1] + (b + 2 == e.length ? "]" : ")"));
            t.doubleColumn(StatsColumns.BIN_LOW).append(e[b]);
            t.doubleColumn(StatsColumns.BIN_HIGH).append(e[b + 1]);
            t.intColumn(StatsColumns.IMAGES).append(in.size());
            double[] raw = in.stream().mapToDouble(AblationRow::sRaw).toArray();
            t.doubleColumn("mean_raw").append(mean(raw));
            t.doubleColumn("std_raw").append(std(raw));
            t.doubleColumn("mean_co_removed")
                    .append(mean(in.stream()
                            .mapToDouble(AblationRow::sCo)
                            .filter(x -> !Double.isNaN(x))
                            .toArray()));
        }
        return t;
    }

    /**
     * Fig. 5 left: per cluster, the mean score of its images without text and with text (raw), and of its text images
     * after All and after Co removal, sorted by the mean raw score with text, highest first (clusters without a text
     * image last). Samples without a cluster are left out.
     *
     * @param rows the ablation rows
     * @param clusters cluster label by sample key
     * @return columns cluster, images, text_images, raw_no_text, raw_with_text, all_removed, co_removed (NaN where a
     *     cluster has no such image)
     */
    public static Table perCluster(List<AblationRow> rows, Map<String, String> clusters) {
        Map<String, List<AblationRow>> by = new LinkedHashMap<>();
        for (AblationRow r : rows) {
            String c = clusters.get(r.key());
            if (c != null) {
                by.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
            }
        }
        List<String> order = new ArrayList<>(by.keySet());
        Map<String, Double> withText = new HashMap<>();
        by.forEach((c, rs) -> withText.put(c, mean(rs, AblationRow::hasText, AblationRow::sRaw)));
        order.sort(Comparator.comparingDouble((String c) -> Double.isNaN(withText.get(c)) ? 1 : 0)
                .thenComparing(c -> -withText.get(c)));
        Table t = Table.create(
                "Fig. 5: per-cluster mean CLIP score",
                StringColumn.create(CLUSTER),
                IntColumn.create("images"),
                IntColumn.create("text_images"),
                DoubleColumn.create("raw_no_text"),
                DoubleColumn.create("raw_with_text"),
                DoubleColumn.create("all_removed"),
                DoubleColumn.create("co_removed"));
        for (String c : order) {
            List<AblationRow> rs = by.get(c);
            t.stringColumn(CLUSTER).append(c);
            t.intColumn("images").append(rs.size());
            t.intColumn("text_images")
                    .append((int) rs.stream().filter(AblationRow::hasText).count());
            t.doubleColumn("raw_no_text").append(mean(rs, r -> !r.hasText(), AblationRow::sRaw));
            t.doubleColumn("raw_with_text").append(withText.get(c));
            t.doubleColumn("all_removed").append(mean(rs, r -> !Double.isNaN(r.sAll()), AblationRow::sAll));
            t.doubleColumn("co_removed").append(mean(rs, r -> !Double.isNaN(r.sCo()), AblationRow::sCo));
        }
        return t;
    }

    /**
     * Plots columns of a table as marker series against a category column (the paper's Fig. 4b and 5 style).
     *
     * @param title the figure title
     * @param table e.g. {@link #perCluster} or {@link #scoreByCoArea}
     * @param x the category column
     * @param series the numeric columns, one marker series each
     * @return the figure
     */
    public static Figure markers(String title, Table table, String x, String... series) {
        StringColumn xs = StringColumn.create(
                x, table.column(x).asList().stream().map(String::valueOf).toList());
        List<Trace> traces = new ArrayList<>();
        for (String s : series) {
            traces.add(ScatterTrace.builder(xs, table.doubleColumn(s))
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .marker(Marker.builder().size(8).build())
                    .name(s)
                    .build());
        }
        Layout layout = Layout.builder()
                .title(title)
                .xAxis(Axis.builder().title(x).build())
                .yAxis(Axis.builder().title("CLIP score").build())
                .build();
        return new Figure(layout, traces.toArray(Trace[]::new));
    }

    private static double mean(List<AblationRow> rs, Predicate<AblationRow> in, ToDoubleFunction<AblationRow> f) {
        return mean(rs.stream().filter(in).mapToDouble(f).toArray());
    }

    private static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
