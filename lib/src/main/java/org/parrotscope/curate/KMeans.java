package org.parrotscope.curate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means on rows of a flat array: k-means++ seeding (Arthur and Vassilvitskii 2007, one candidate per step)
 * then Lloyd iterations under squared Euclidean distance, the metric of the paper's Faiss k-means (Step 1). A
 * cluster left empty restarts at the row farthest from its centroid. Results depend on the seed only, never on
 * the thread count: sums are taken over fixed blocks and combined in order.
 */
public final class KMeans {

    /** Fixed number of accumulation blocks (see the class comment). */
    private static final int BLOCKS = 8;

    /**
     * A fitted clustering.
     *
     * @param centroids {@code k × dim}, row-major
     * @param k number of clusters
     * @param dim row width
     * @param iterations Lloyd iterations run
     * @param inertia summed squared distance of the training rows to their centroids, after the last update
     * @param converged whether the tolerance stopped the iterations
     */
    public record Result(float[] centroids, int k, int dim, int iterations, double inertia, boolean converged) {

        /** Validates the shape. */
        public Result {
            if (centroids.length != k * dim) {
                throw new IllegalArgumentException("centroids hold " + centroids.length + " values, not " + k * dim);
            }
        }
    }

    private KMeans() {}

    /**
     * Clusters rows.
     *
     * @param data rows, row-major
     * @param dim row width
     * @param k number of clusters, at most the number of rows
     * @param seed seeding randomness
     * @param maxIterations most Lloyd iterations
     * @param tolerance stop when the summed squared centroid shift is at most this times the mean per-dimension
     *     variance (scikit-learn's rule)
     * @param threads worker threads
     * @return the centroids
     */
    public static Result fit(
            float[] data, int dim, int k, long seed, int maxIterations, double tolerance, int threads) {
        int n = data.length / dim;
        if (k > n) {
            throw new IllegalArgumentException("k = " + k + " clusters need at least as many rows, got " + n);
        }
        float[] c = seed(data, dim, n, k, new SplittableRandom(seed), threads);
        double scale = tolerance * meanVariance(data, dim, n);
        int[] labels = new int[n];
        double[] dist = new double[n];
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            assign(data, dim, c, k, threads, labels, dist);
            float[] next = update(data, dim, n, k, labels, dist);
            it++;
            double shift = 0;
            for (int i = 0; i < next.length; i++) {
                double d = next[i] - c[i];
                shift += d * d;
            }
            c = next;
            if (shift <= scale) {
                converged = true;
                break;
            }
        }
        assign(data, dim, c, k, threads, labels, dist);
        double inertia = 0;
        for (double d : dist) {
            inertia += d;
        }
        return new Result(c, k, dim, it, inertia, converged);
    }

    /**
     * Nearest centroid of every row.
     *
     * @param data rows, row-major
     * @param dim row width
     * @param centroids {@code k × dim}
     * @param k number of centroids
     * @param threads worker threads
     * @param labels receives each row's centroid index
     * @param dist receives each row's squared distance to it (may be null)
     */
    public static void assign(
            float[] data, int dim, float[] centroids, int k, int threads, int[] labels, double[] dist) {
        int n = data.length / dim;
        Parallel.run(Parallel.chunks(n), threads, b -> {
            for (int i = Parallel.from(n, b); i < Parallel.to(n, b); i++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double d = squared(data, i * dim, centroids, j * dim, dim);
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                labels[i] = best;
                if (dist != null) {
                    dist[i] = bestD;
                }
            }
        });
    }

    static double squared(float[] a, int ao, float[] b, int bo, int dim) {
        float s = 0;
        for (int j = 0; j < dim; j++) {
            float d = a[ao + j] - b[bo + j];
            s += d * d;
        }
        return s;
    }

    private static float[] seed(float[] data, int dim, int n, int k, SplittableRandom rng, int threads) {
        float[] c = new float[k * dim];
        int first = rng.nextInt(n);
        System.arraycopy(data, first * dim, c, 0, dim);
        double[] minD = new double[n];
        Arrays.fill(minD, Double.POSITIVE_INFINITY);
        int chunks = Parallel.chunks(n);
        double[] chunkSum = new double[chunks];
        for (int j = 1; j <= k; j++) {
            int prev = j - 1;
            Parallel.run(chunks, threads, b -> {
                double s = 0;
                for (int i = Parallel.from(n, b); i < Parallel.to(n, b); i++) {
                    double d = squared(data, i * dim, c, prev * dim, dim);
                    if (d < minD[i]) {
                        minD[i] = d;
                    }
                    s += minD[i];
                }
                chunkSum[b] = s;
            });
            if (j == k) {
                break;
            }
            double total = 0;
            for (double s : chunkSum) {
                total += s;
            }
            int pick;
            if (total <= 0) {
                pick = rng.nextInt(n); // every row sits on a centroid already: duplicates, any row will do
            } else {
                // D² sampling: row i with probability minD[i] / total, located chunk first, then row
                double r = rng.nextDouble() * total;
                int b = 0;
                while (b < chunks - 1 && r >= chunkSum[b]) {
                    r -= chunkSum[b++];
                }
                pick = Parallel.to(n, b) - 1;
                for (int i = Parallel.from(n, b); i < Parallel.to(n, b); i++) {
                    if (r < minD[i]) {
                        pick = i;
                        break;
                    }
                    r -= minD[i];
                }
            }
            System.arraycopy(data, pick * dim, c, j * dim, dim);
        }
        return c;
    }

    private static float[] update(float[] data, int dim, int n, int k, int[] labels, double[] dist) {
        int blocks = Math.min(BLOCKS, Math.max(1, n / Parallel.CHUNK));
        double[][] sums = new double[blocks][];
        long[][] counts = new long[blocks][];
        Parallel.run(blocks, blocks, b -> {
            double[] s = new double[k * dim];
            long[] cnt = new long[k];
            for (int i = (int) ((long) n * b / blocks); i < (int) ((long) n * (b + 1) / blocks); i++) {
                int l = labels[i];
                cnt[l]++;
                int o = i * dim;
                int so = l * dim;
                for (int j = 0; j < dim; j++) {
                    s[so + j] += data[o + j];
                }
            }
            sums[b] = s;
            counts[b] = cnt;
        });
        float[] c = new float[k * dim];
        long[] count = new long[k];
        for (int b = 0; b < blocks; b++) {
            for (int l = 0; l < k; l++) {
                count[l] += counts[b][l];
            }
        }
        int[] far = null;
        int nextFar = 0;
        for (int l = 0; l < k; l++) {
            if (count[l] == 0) {
                if (far == null) {
                    far = farthestFirst(dist);
                }
                // an empty cluster restarts at the worst-served row (ours; Faiss splits the largest cluster)
                System.arraycopy(data, far[nextFar++] * dim, c, l * dim, dim);
                continue;
            }
            for (int j = 0; j < dim; j++) {
                double s = 0;
                for (int b = 0; b < blocks; b++) {
                    s += sums[b][l * dim + j];
                }
                c[l * dim + j] = (float) (s / count[l]);
            }
        }
        return c;
    }

    private static int[] farthestFirst(double[] dist) {
        Integer[] idx = new Integer[dist.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[b], dist[a]) : Integer.compare(a, b));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static double meanVariance(float[] data, int dim, int n) {
        double[] m = new double[dim];
        double[] m2 = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                double x = data[i * dim + j];
                m[j] += x;
                m2[j] += x * x;
            }
        }
        double total = 0;
        for (int j = 0; j < dim; j++) {
            double mean = m[j] / n;
            total += m2[j] / n - mean * mean;
        }
        return total / dim;
    }
}
