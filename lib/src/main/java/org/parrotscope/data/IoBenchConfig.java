package org.parrotscope.data;

/**
 * Settings of an {@link IoBench}.
 *
 * @param threads the thread count of the parallel run (the other run uses 1)
 * @param size the target length of the shorter side, in pixels
 * @param maxImages images per timed run at most
 * @param repeat timed runs per thread count; the fastest is reported
 * @param warmup images decoded before timing, to warm up the JIT and the file cache
 */
public record IoBenchConfig(int threads, int size, long maxImages, int repeat, long warmup) {

    /** Validates the fields. */
    public IoBenchConfig {
        if (threads < 1 || size < 1 || repeat < 1) {
            throw new IllegalArgumentException(
                    "threads, size and repeat must be positive: " + threads + ", " + size + ", " + repeat);
        }
        if (maxImages < 0 || warmup < 0) {
            throw new IllegalArgumentException("maxImages and warmup must be >= 0: " + maxImages + ", " + warmup);
        }
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link IoBenchConfig}. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private int size = 224;
        private long maxImages = Long.MAX_VALUE;
        private int repeat = 3;
        private long warmup = 200;

        private Builder() {}

        /**
         * @param n threads of the parallel run (default: the number of cores)
         * @return this builder
         */
        public Builder optThreads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * @param px target shorter side (default 224, CLIP ViT-B's input)
         * @return this builder
         */
        public Builder optSize(int px) {
            this.size = px;
            return this;
        }

        /**
         * @param n images per timed run (default: all)
         * @return this builder
         */
        public Builder optMaxImages(long n) {
            this.maxImages = n;
            return this;
        }

        /**
         * @param n timed runs per thread count (default 3)
         * @return this builder
         */
        public Builder optRepeat(int n) {
            this.repeat = n;
            return this;
        }

        /**
         * @param n images decoded before timing (default 200)
         * @return this builder
         */
        public Builder optWarmup(long n) {
            this.warmup = n;
            return this;
        }

        /** @return the validated settings */
        public IoBenchConfig build() {
            return new IoBenchConfig(threads, size, maxImages, repeat, warmup);
        }
    }
}
