package org.parrotscope.curate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.parrotscope.clip.SafeDType;
import org.parrotscope.clip.SafetensorsFile;
import org.parrotscope.clip.SafetensorsWriter;

/**
 * A trained clustering of CLIP image embeddings (paper Step 1): the PCA basis and the k-means centroids in its
 * space. New embeddings are assigned to the nearest centroid after the same projection, as the paper assigns
 * LAION-2B to centroids trained on LAION-400M. Saved as one safetensors file ({@code pca_mean},
 * {@code pca_components}, {@code centroids}), written atomically, so a basis never travels without its
 * centroids.
 *
 * @param pca the projection, or null when the embeddings were clustered as they are
 * @param centroids {@code k × dim} in the projected space
 * @param k number of clusters
 * @param iterations Lloyd iterations of the fit (0 when unknown)
 * @param inertia training inertia (NaN when unknown)
 */
public record ClusterModel(Pca pca, float[] centroids, int k, int iterations, double inertia) {

    /** Metadata value naming the file format. */
    public static final String FORMAT = "parrotscope-clusters-v1";

    /** Validates the shapes. */
    public ClusterModel {
        Objects.requireNonNull(centroids, "centroids");
        if (k < 1 || centroids.length % k != 0) {
            throw new IllegalArgumentException(centroids.length + " centroid values do not split into " + k);
        }
        if (pca != null && pca.outputDim() != centroids.length / k) {
            throw new IllegalArgumentException(
                    "PCA gives " + pca.outputDim() + " dims, centroids have " + centroids.length / k);
        }
    }

    /** @return the width of the space the centroids live in */
    public int dim() {
        return centroids.length / k;
    }

    /** @return the width of the embeddings this model assigns */
    public int inputDim() {
        return pca == null ? dim() : pca.inputDim();
    }

    /**
     * Fits PCA then k-means. With more rows than {@code k × maxPointsPerCentroid}, k-means trains on a seeded
     * sample of that many rows (as Faiss does); PCA always sees every row.
     *
     * @param e the embeddings
     * @param config the settings
     * @return the model
     */
    public static ClusterModel fit(Embeddings e, ClusterConfig config) {
        if (config.k() > e.size()) {
            throw new IllegalArgumentException(
                    "k = " + config.k() + " clusters need at least as many embeddings, got " + e.size());
        }
        Pca pca = config.components() == 0 ? null : Pca.fit(e.data(), e.dim(), config.components(), config.threads());
        float[] x = pca == null ? e.data() : pca.projectAll(e.data(), config.threads());
        int dim = pca == null ? e.dim() : pca.outputDim();
        long cap = (long) config.k() * config.maxPointsPerCentroid();
        if (e.size() > cap) {
            x = sample(x, dim, (int) cap, config.seed());
        }
        KMeans.Result r = KMeans.fit(
                x, dim, config.k(), config.seed(), config.maxIterations(), config.tolerance(), config.threads());
        return new ClusterModel(pca, r.centroids(), r.k(), r.iterations(), r.inertia());
    }

    /** Rows chosen by a seeded partial Fisher-Yates shuffle, kept in their stored order. */
    private static float[] sample(float[] x, int dim, int m, long seed) {
        int n = x.length / dim;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(idx, m);
        java.util.Arrays.sort(chosen);
        float[] out = new float[m * dim];
        for (int i = 0; i < m; i++) {
            System.arraycopy(x, chosen[i] * dim, out, i * dim, dim);
        }
        return out;
    }

    /**
     * Assigns embeddings to their nearest centroid (squared Euclidean distance after the projection).
     *
     * @param e the embeddings, of width {@link #inputDim()}
     * @param threads worker threads
     * @return the cluster of each row
     */
    public int[] assign(Embeddings e, int threads) {
        if (e.dim() != inputDim()) {
            throw new IllegalArgumentException(
                    "embeddings have width " + e.dim() + ", this clustering expects " + inputDim());
        }
        float[] x = pca == null ? e.data() : pca.projectAll(e.data(), threads);
        int[] labels = new int[e.size()];
        KMeans.assign(x, dim(), centroids, k, threads, labels, null);
        return labels;
    }

    /**
     * Writes the model atomically.
     *
     * @param file the target {@code .safetensors} file
     * @throws IOException when writing fails
     */
    public void save(Path file) throws IOException {
        Map<String, SafetensorsWriter.Tensor> t = new LinkedHashMap<>();
        if (pca != null) {
            t.put("pca_mean", new SafetensorsWriter.Tensor(new long[] {pca.inputDim()}, pca.mean()));
            t.put(
                    "pca_components",
                    new SafetensorsWriter.Tensor(new long[] {pca.outputDim(), pca.inputDim()}, pca.components()));
            float[] var = new float[pca.outputDim()];
            for (int i = 0; i < var.length; i++) {
                var[i] = (float) pca.variances()[i];
            }
            t.put("pca_variances", new SafetensorsWriter.Tensor(new long[] {var.length}, var));
        }
        t.put("centroids", new SafetensorsWriter.Tensor(new long[] {k, dim()}, centroids));
        SafetensorsWriter.write(
                file,
                t,
                SafeDType.F32,
                Map.of(
                        "format", FORMAT,
                        "iterations", Integer.toString(iterations),
                        "inertia", String.format(Locale.ROOT, "%.6g", inertia)));
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @param file the file
     * @return the model
     * @throws IOException naming the file when it is not a ParrotScope clustering
     */
    public static ClusterModel load(Path file) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            if (!FORMAT.equals(st.metadata().get("format")) || !st.contains("centroids")) {
                throw new IOException(file + ": not a ParrotScope clustering (metadata format " + FORMAT
                        + " and tensor centroids expected)");
            }
            long[] shape = st.info("centroids").shape();
            if (shape.length != 2) {
                throw new IOException(file + ": centroids must be 2-D [k, dim]");
            }
            Pca pca = null;
            if (st.contains("pca_components")) {
                long[] ps = st.info("pca_components").shape();
                float[] var = st.floats("pca_variances");
                double[] v = new double[var.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = var[i];
                }
                if (ps.length != 2 || ps[0] != v.length) {
                    throw new IOException(file + ": pca_components and pca_variances do not fit");
                }
                pca = new Pca(st.floats("pca_mean"), st.floats("pca_components"), v);
            }
            String it = st.metadata().getOrDefault("iterations", "0");
            String in = st.metadata().getOrDefault("inertia", "NaN");
            try {
                return new ClusterModel(
                        pca, st.floats("centroids"), (int) shape[0], Integer.parseInt(it), Double.parseDouble(in));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
