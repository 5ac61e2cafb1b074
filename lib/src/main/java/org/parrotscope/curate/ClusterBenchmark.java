package org.parrotscope.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the clustering on random unit embeddings: heap bytes held per embedding by each stage (measured with
 * a full GC before and after), seconds for the PCA fit and per Lloyd iteration, and projects both to a target
 * size (1M 512-d embeddings by default, the question). Time scales as n·d² for the PCA and n·k·d' per
 * iteration; memory as n·d plus the k-sized buffers. Asserts nothing: a benchmark, not a test.
 */
public final class ClusterBenchmark {

    /**
     * One line of the report.
     *
     * @param item what was measured
     * @param measured the value at the benchmark size
     * @param projected the projection to the target size
     * @param unit the unit
     */
    public record Row(String item, double measured, double projected, String unit) {}

    private ClusterBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param n embeddings to measure with
     * @param dim their width
     * @param config PCA width, k, iterations (the k and PCA width the projection assumes too)
     * @param targetN the size to project to
     * @return the report
     */
    public static List<Row> run(int n, int dim, ClusterConfig config, long targetN) {
        SplittableRandom rng = new SplittableRandom(config.seed());
        long before = used();
        float[] data = new float[n * dim];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                float v = (float) rng.nextGaussian();
                data[i * dim + j] = v;
                s += v * v;
            }
            float inv = (float) (1 / Math.sqrt(s));
            for (int j = 0; j < dim; j++) {
                data[i * dim + j] *= inv;
            }
        }
        long embBytes = used() - before;
        int p = config.components() == 0 ? dim : config.components();
        long t0 = System.nanoTime();
        Pca pca = config.components() == 0 ? null : Pca.fit(data, dim, p, config.threads());
        double pcaSeconds = (System.nanoTime() - t0) / 1e9;
        long b2 = used();
        float[] x = pca == null ? data : pca.projectAll(data, config.threads());
        long projBytes = pca == null ? 0 : used() - b2;
        int iters = Math.max(1, config.maxIterations());
        t0 = System.nanoTime();
        KMeans.Result r = KMeans.fit(x, p, config.k(), config.seed(), iters, 0, config.threads());
        double kmSeconds = (System.nanoTime() - t0) / 1e9;
        double perIter = kmSeconds / (r.iterations() + 2); // seeding costs about one pass, the final assign one
        double scale = (double) targetN / n;
        // buffers independent of n: covariance blocks, centroid sums (8 blocks), centroids
        double fixed = 9.0 * dim * dim * 8 + 8.0 * config.k() * p * 8 + 2.0 * config.k() * p * 4;
        double perRowKm = 4 + 8 + 8; // labels, distances, k-means++ minimum distances
        List<Row> out = new ArrayList<>();
        out.add(new Row("embeddings in heap", embBytes / 1e6, embBytes * scale / 1e6, "MB"));
        out.add(new Row("projected embeddings", projBytes / 1e6, projBytes * scale / 1e6, "MB"));
        out.add(new Row("k-means per-row buffers", perRowKm * n / 1e6, perRowKm * targetN / 1e6, "MB"));
        out.add(new Row("fixed buffers (cov, centroid sums)", fixed / 1e6, fixed / 1e6, "MB"));
        out.add(new Row(
                "peak heap, total",
                (embBytes + projBytes + perRowKm * n + fixed) / 1e6,
                ((embBytes + projBytes) * scale + perRowKm * targetN + fixed) / 1e6,
                "MB"));
        out.add(new Row("PCA fit", pcaSeconds, pcaSeconds * scale, "s"));
        out.add(new Row("Lloyd iteration (k = " + config.k() + ")", perIter, perIter * scale, "s"));
        if (x.length == 0) {
            throw new IllegalStateException("no data");
        }
        return out;
    }

    /**
     * @param rows a report
     * @param n the benchmark size
     * @param targetN the projection size
     * @return the report as a text table
     */
    public static String format(List<Row> rows, int n, long targetN) {
        StringBuilder sb = new StringBuilder(
                String.format(Locale.ROOT, "%-38s %14s %16s%n", "", "n = " + n, "projected n = " + targetN));
        for (Row r : rows) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-38s %11.2f %-2s %13.1f %-2s%n",
                    r.item(),
                    r.measured(),
                    r.unit(),
                    r.projected(),
                    r.unit()));
        }
        return sb.toString();
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
