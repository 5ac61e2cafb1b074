package org.parrotscope.curate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parrotscope.parrot.PaperNumbers;
import org.parrotscope.parrot.StatsColumns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.VerticalBarPlot;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

/**
 * Fig. 3a: per cluster (or merged group), how many images have no spotted text, text the caption does not
 * share, and text the caption parrots, ordered by the cluster's mean CLIP score; and Figs. 3b/16's choice of
 * samples: the top-scoring images of the most parrot-heavy clusters.
 */
public final class ClusterComposition {

    /** Column: the cluster or group id. */
    public static final String CLUSTER = "cluster";
    /** Column: images in it. */
    public static final String IMAGES = "images";
    /** Column: share of images whose caption parrots spotted text. */
    public static final String PARROT_SHARE = "parrot_share";
    /** Column: share of images with spotted text. */
    public static final String TEXT_RATE = "text_rate";
    /** Column: mean raw CLIP score (NaN without scores). */
    public static final String MEAN_SCORE = "mean_clip_score";
    /** Column: position in the plot, 0 = highest mean score. */
    public static final String RANK = "rank";
    /** Column of {@link #split}: the paper's LAION-2B share. */
    public static final String PAPER_SHARE = "paper_laion2b";

    private ClusterComposition() {}

    /**
     * The composition table, one row per cluster, sorted by mean CLIP score (highest first; clusters without
     * scores last, by id). Candidates without a cluster are left out.
     *
     * @param in the candidates, clusters joined
     * @param groupOf maps a cluster to the id it is counted under (a merge, {@link ClusterMerge}), or null to
     *     count clusters as they are
     * @return a new table: cluster, rank, images, the three categories, text rate, parrot share, mean score
     */
    public static Table table(CurationInputs in, int[] groupOf) {
        Map<Integer, long[]> counts = new TreeMap<>();
        Map<Integer, double[]> scores = new TreeMap<>();
        for (Candidate c : in.candidates()) {
            if (c.cluster() < 0) {
                continue;
            }
            int g = groupOf == null ? c.cluster() : groupOf[c.cluster()];
            long[] n = counts.computeIfAbsent(g, x -> new long[3]);
            n[
                    switch (c.category()) {
                        case StatsColumns.NO_TEXT -> 0;
                        case StatsColumns.TEXT_NO_OVERLAP -> 1;
                        default -> 2;
                    }]++;
            if (!Double.isNaN(c.clipScore())) {
                double[] s = scores.computeIfAbsent(g, x -> new double[2]);
                s[0] += c.clipScore();
                s[1]++;
            }
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("no candidate has a cluster: join assignments first");
        }
        List<Integer> ids = new ArrayList<>(counts.keySet());
        ids.sort(Comparator.<Integer>comparingDouble(g -> {
                    double[] s = scores.get(g);
                    return s == null ? Double.POSITIVE_INFINITY : -s[0] / s[1];
                })
                .thenComparing(g -> g));
        Table t = Table.create(
                "cluster composition",
                IntColumn.create(CLUSTER),
                IntColumn.create(RANK),
                IntColumn.create(IMAGES),
                IntColumn.create(StatsColumns.NO_TEXT),
                IntColumn.create(StatsColumns.TEXT_NO_OVERLAP),
                IntColumn.create(StatsColumns.TEXT_OVERLAP),
                DoubleColumn.create(TEXT_RATE),
                DoubleColumn.create(PARROT_SHARE),
                DoubleColumn.create(MEAN_SCORE));
        for (int r = 0; r < ids.size(); r++) {
            int g = ids.get(r);
            long[] n = counts.get(g);
            long total = n[0] + n[1] + n[2];
            double[] s = scores.get(g);
            t.intColumn(CLUSTER).append(g);
            t.intColumn(RANK).append(r);
            t.intColumn(IMAGES).append((int) total);
            t.intColumn(StatsColumns.NO_TEXT).append((int) n[0]);
            t.intColumn(StatsColumns.TEXT_NO_OVERLAP).append((int) n[1]);
            t.intColumn(StatsColumns.TEXT_OVERLAP).append((int) n[2]);
            t.doubleColumn(TEXT_RATE).append((n[1] + n[2]) / (double) total);
            t.doubleColumn(PARROT_SHARE).append(n[2] / (double) total);
            t.doubleColumn(MEAN_SCORE).append(s == null ? Double.NaN : s[0] / s[1]);
        }
        return t;
    }

    /**
     * The pie of Fig. 3a: the shares of the three types over all clustered images, next to the paper's LAION-2B
     * shares ({@link PaperNumbers#split()}).
     *
     * @param composition a table from {@link #table}
     * @return category, share (this data), paper_laion2b
     */
    public static Table split(Table composition) {
        List<String> cats = List.of(StatsColumns.NO_TEXT, StatsColumns.TEXT_NO_OVERLAP, StatsColumns.TEXT_OVERLAP);
        double total = composition.intColumn(IMAGES).sum();
        Table paper = PaperNumbers.split();
        DoubleColumn share = DoubleColumn.create(StatsColumns.SHARE);
        DoubleColumn published = DoubleColumn.create(PAPER_SHARE);
        for (String c : cats) {
            share.append(total == 0 ? Double.NaN : composition.intColumn(c).sum() / total);
            int row = paper.stringColumn(StatsColumns.CATEGORY).indexOf(c);
            published.append(paper.doubleColumn(StatsColumns.SHARE).getDouble(row));
        }
        return Table.create(
                "three-way split over the clustered images",
                StringColumn.create(StatsColumns.CATEGORY, cats),
                share,
                published);
    }

    /**
     * Pearson's correlation, over the clusters with a mean score, between a cluster's mean CLIP score and its
     * parrot share: positive when the scoring model rewards the clusters whose captions spell their text.
     *
     * @param composition a table from {@link #table}
     * @return r, or NaN for fewer than two scored clusters or a constant column
     */
    public static double scoreParrotCorrelation(Table composition) {
        List<double[]> xy = new ArrayList<>();
        for (int r = 0; r < composition.rowCount(); r++) {
            double s = composition.doubleColumn(MEAN_SCORE).getDouble(r);
            if (!Double.isNaN(s)) {
                xy.add(new double[] {s, composition.doubleColumn(PARROT_SHARE).getDouble(r)});
            }
        }
        if (xy.size() < 2) {
            return Double.NaN;
        }
        double mx = xy.stream().mapToDouble(v -> v[0]).average().orElseThrow();
        double my = xy.stream().mapToDouble(v -> v[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] v : xy) {
            sxy += (v[0] - mx) * (v[1] - my);
            sxx += (v[0] - mx) * (v[0] - mx);
            syy += (v[1] - my) * (v[1] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Fig. 3a as stacked bars over the rank (x) of each cluster.
     *
     * @param composition a table from {@link #table}
     * @return the figure
     */
    public static Figure figure(Table composition) {
        return VerticalBarPlot.create(
                "Images per cluster by text type, clusters by mean CLIP score (Fig. 3a)",
                composition,
                RANK,
                Layout.BarMode.STACK,
                StatsColumns.NO_TEXT,
                StatsColumns.TEXT_NO_OVERLAP,
                StatsColumns.TEXT_OVERLAP);
    }

    /**
     * Figs. 3b and 16: the highest-scoring samples of the clusters with the largest parrot share.
     *
     * @param in the candidates, clusters and scores joined
     * @param composition a per-cluster table from {@link #table} (not merged)
     * @param clusters how many clusters
     * @param minImages clusters with fewer images are passed over (a 2-image cluster of parrots says little)
     * @param perCluster samples per cluster
     * @return candidates, cluster by cluster (largest parrot share first), each by decreasing CLIP score
     */
    public static List<Candidate> topSamples(
            CurationInputs in, Table composition, int clusters, int minImages, int perCluster) {
        List<int[]> ranked = new ArrayList<>();
        for (int r = 0; r < composition.rowCount(); r++) {
            if (composition.intColumn(IMAGES).getInt(r) >= minImages) {
                ranked.add(new int[] {composition.intColumn(CLUSTER).getInt(r), r});
            }
        }
        ranked.sort(Comparator.<int[]>comparingDouble(
                        x -> -composition.doubleColumn(PARROT_SHARE).getDouble(x[1]))
                .thenComparingInt(x -> x[0]));
        List<Candidate> out = new ArrayList<>();
        for (int[] x : ranked.subList(0, Math.min(clusters, ranked.size()))) {
            in.candidates().stream()
                    .filter(c -> c.cluster() == x[0])
                    .sorted(Comparator.comparingDouble((Candidate c) ->
                                    Double.isNaN(c.clipScore()) ? Double.NEGATIVE_INFINITY : c.clipScore())
                            .reversed()
                            .thenComparing(Candidate::key))
                    .limit(perCluster)
                    .forEach(out::add);
        }
        return out;
    }
}
