package org.parrotscope.curate;

/**
 * Settings of the clustering of CLIP image embeddings (paper Step 1). Defaults are the paper's (S4
 * {@code kmeans.py}): PCA to 256 dimensions, 4,000 clusters, 300 iterations, seed 42; the tolerance and the
 * training sample cap are ours (see the builder).
 *
 * @param components PCA output width; 0 skips the PCA
 * @param k number of clusters
 * @param seed seed of the k-means++ initialisation and of the training sample
 * @param maxIterations most Lloyd iterations
 * @param tolerance stop when the summed squared centroid shift is at most this times the mean per-dimension
 *     variance of the data
 * @param maxPointsPerCentroid train on a seeded sample of at most {@code k × this} rows, then assign all
 * @param threads worker threads
 */
public record ClusterConfig(
        int components, int k, long seed, int maxIterations, double tolerance, int maxPointsPerCentroid, int threads) {

    /** Validates the values. */
    public ClusterConfig {
        if (components < 0) {
            throw new IllegalArgumentException("PCA components must be >= 0 (0 = no PCA), got " + components);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + maxIterations);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        if (maxPointsPerCentroid < 1) {
            throw new IllegalArgumentException("max points per centroid must be >= 1, got " + maxPointsPerCentroid);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** @return a builder with the paper's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ClusterConfig}. */
    public static final class Builder {
        private int components = 256;
        private int k = 4000;
        private long seed = 42;
        private int maxIterations = 300;
        private double tolerance = 1e-4;
        private int maxPointsPerCentroid = 256;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {}

        /**
         * @param components PCA output width (default 256, the paper's); 0 clusters the raw embeddings
         * @return this
         */
        public Builder optComponents(int components) {
            this.components = components;
            return this;
        }

        /**
         * @param k number of clusters (default 4,000, the paper's)
         * @return this
         */
        public Builder optK(int k) {
            this.k = k;
            return this;
        }

        /**
         * @param seed the seed (default 42, the paper's Faiss seed)
         * @return this
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param maxIterations most Lloyd iterations (default 300, the paper's {@code niter})
         * @return this
         */
        public Builder optMaxIterations(int maxIterations) {
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * @param tolerance relative centroid-shift tolerance (default 1e-4, scikit-learn's rule; ours, Faiss
         *     always runs every iteration)
         * @return this
         */
        public Builder optTolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /**
         * @param maxPointsPerCentroid training sample cap per cluster (default 256, Faiss's default; the paper set
         *     200,000)
         * @return this
         */
        public Builder optMaxPointsPerCentroid(int maxPointsPerCentroid) {
            this.maxPointsPerCentroid = maxPointsPerCentroid;
            return this;
        }

        /**
         * @param threads worker threads (default: cores); results do not depend on it
         * @return this
         */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /** @return the validated settings */
        public ClusterConfig build() {
            return new ClusterConfig(components, k, seed, maxIterations, tolerance, maxPointsPerCentroid, threads);
        }
    }
}
