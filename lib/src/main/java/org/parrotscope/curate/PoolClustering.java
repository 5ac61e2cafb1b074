package org.parrotscope.curate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.parrotscope.parrot.PaperNumbers;

/**
 * Our clustering of a small pool, for per-cluster aggregates (Table 2 over clusters, Fig. 5) when no cluster
 * assignment is given: PCA and seeded k-means (the paper's Step 1 method) on the raw image embeddings an ablation
 * run kept ({@code parrotscope ablate --embeddings}). The paper clusters LAION-400M into 4,000 clusters with 256
 * PCA dimensions; a pool of hundreds or thousands cannot fill that many, so the sizes here follow rules of ours:
 *
 * <ul>
 *   <li>k = round(n / {@value #IMAGES_PER_CLUSTER}), at least 2 (1 for a single image) and at most n and the
 *       paper's 4,000: about twenty images per cluster, so that a cluster's mean is a mean of several images and a
 *       cluster usually holds both images with and without text;
 *   <li>PCA to half the embedding width (the paper's ratio: 256 of ViT-B/32's 512), at most 256 and at most n − 1
 *       (a PCA of n rows has no more informative axes); none for fewer than 3 images.
 * </ul>
 *
 * @param clusters cluster number (as text) by sample key, in row order
 * @param config the PCA and k-means settings used
 * @param images the number of embeddings clustered
 * @param source what was clustered, e.g. the ablation folder
 * @param kGiven the k asked for, 0 when k came from {@link #k(int)}; a k above the number of images is capped
 */
public record PoolClustering(
        Map<String, String> clusters, ClusterConfig config, int images, String source, int kGiven) {

    /** Images per cluster the rule for k aims at. */
    public static final int IMAGES_PER_CLUSTER = 20;

    /** Validates and copies. */
    public PoolClustering {
        clusters = Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The number of clusters for a pool (the rule in the class comment).
     *
     * @param n embeddings, at least 1
     * @return k
     */
    public static int k(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("no embeddings to cluster");
        }
        long byRule = Math.round(n / (double) IMAGES_PER_CLUSTER);
        return (int) Math.max(Math.min(2, n), Math.min(byRule, Math.min(n, PaperNumbers.CLUSTER_K)));
    }

    /**
     * The PCA width for a pool (the rule in the class comment).
     *
     * @param n embeddings
     * @param dim embedding width
     * @return components, 0 for no PCA
     */
    public static int components(int n, int dim) {
        if (n < 3) {
            return 0;
        }
        return Math.max(1, Math.min(Math.min(PaperNumbers.CLUSTER_PCA_COMPONENTS, dim / 2), n - 1));
    }

    /**
     * Clusters embeddings with the rules' sizes.
     *
     * @param embeddings the rows and their keys
     * @param k clusters, or 0 for {@link #k(int)}; more than the embeddings are capped at their number
     * @param seed seed of the k-means++ initialisation
     * @param threads worker threads
     * @param source what the embeddings are, for {@link #describe()}
     * @return the assignment
     */
    public static PoolClustering fit(Embeddings embeddings, int k, long seed, int threads, String source) {
        int n = embeddings.size();
        if (k < 0) {
            throw new IllegalArgumentException(
                    "k must be >= 0 (0 = about one cluster per " + IMAGES_PER_CLUSTER + " images), got " + k);
        }
        ClusterConfig config = ClusterConfig.builder()
                .optComponents(components(n, embeddings.dim()))
                .optK(k == 0 ? k(n) : Math.min(k, n))
                .optSeed(seed)
                .optThreads(threads)
                .build();
        return new PoolClustering(ClusterAssignments.fit(embeddings, config), config, n, source, k);
    }

    /**
     * Clusters the raw image embeddings an ablation run wrote ({@code <shard>.embeddings.safetensors} in its folder).
     *
     * @param ablationOut the ablation output folder
     * @param k clusters, or 0 for {@link #k(int)}; more than the embeddings are capped at their number
     * @param seed seed of the k-means++ initialisation
     * @param threads worker threads
     * @return the assignment
     * @throws IOException naming the folder when it holds no embeddings (the run needs {@code --embeddings}, {@code
     *     AblationConfig.optWriteEmbeddings(true)}) or a file is malformed
     */
    public static PoolClustering ofAblation(Path ablationOut, int k, long seed, int threads) throws IOException {
        Embeddings e;
        try {
            e = Embeddings.read(List.of(ablationOut));
        } catch (IOException ex) {
            if (ex.getMessage() != null && ex.getMessage().startsWith("no embedding files")) {
                throw new IOException(
                        ablationOut + " holds no raw image embeddings: run the ablation with"
                                + " --embeddings (AblationConfig.optWriteEmbeddings(true))",
                        ex);
            }
            throw ex;
        }
        return fit(e, k, seed, threads, "the raw image embeddings of " + ablationOut);
    }

    /**
     * Writes the assignment as the {@code key,cluster} CSV of {@code parrotscope cluster} ({@link
     * ClusterAssignments#write}), atomically, so that {@code ablate --clusters} and notebook 07's {@code CLUSTERS}
     * can reuse it.
     *
     * @param file the target
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        ClusterAssignments.write(
                file,
                List.copyOf(clusters.keySet()),
                clusters.values().stream().mapToInt(Integer::parseInt).toArray());
    }

    /** @return the number of clusters */
    public int k() {
        return config.k();
    }

    /** @return a short name for table labels, e.g. {@code ours: PCA 32 + k-means, k = 25} */
    public String label() {
        String pca = config.components() == 0 ? "" : "PCA " + config.components() + " + ";
        return "ours: " + pca + "k-means, k = " + config.k();
    }

    /** @return one sentence saying what was clustered how, and that these are not the paper's clusters */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "our clustering, not the paper's %,d clusters of LAION-400M: %s k-means with k = %d (%s) and"
                        + " k-means++ seed %d, on %s (%d images)",
                PaperNumbers.CLUSTER_K,
                config.components() == 0 ? "no PCA," : "PCA to " + config.components() + " dimensions, then",
                config.k(),
                kGiven == 0
                        ? "about one cluster per " + IMAGES_PER_CLUSTER + " images"
                        : kGiven > images ? "K = " + kGiven + " given, capped at the number of images" : "given",
                config.seed(),
                source,
                images);
    }
}
