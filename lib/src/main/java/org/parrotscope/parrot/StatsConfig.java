package org.parrotscope.parrot;

import java.util.Arrays;
import java.util.Objects;

/**
 * Settings of the parrot statistics. Build with {@link #builder()}; every setting is optional.
 *
 * @param topK how many n-grams each vocabulary table keeps (default 50)
 * @param matcher the word matcher, which carries the fuzzy rule (default {@link CoEmbMatcher#defaults()})
 * @param areaBinEdges increasing bin edges for box-area ratios, from 0 to 1 (default
 *     {@link #DEFAULT_AREA_BIN_EDGES}); a ratio falls in {@code [e_i, e_i+1)}, the last bin includes 1
 */
public record StatsConfig(int topK, CoEmbMatcher matcher, double[] areaBinEdges) {

    /**
     * Default area-ratio bins: roughly logarithmic, because most scene-text words cover well under 1% of an image
     * while Fig. 4c's axis runs to 0.10 and posters reach far beyond it.
     */
    public static final double[] DEFAULT_AREA_BIN_EDGES = {0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1};

    /** Validates the fields. */
    public StatsConfig {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1: " + topK);
        }
        Objects.requireNonNull(matcher, "matcher");
        areaBinEdges = areaBinEdges.clone();
        if (areaBinEdges.length < 2 || areaBinEdges[0] != 0 || areaBinEdges[areaBinEdges.length - 1] != 1) {
            throw new IllegalArgumentException("area bins must run from 0 to 1: " + Arrays.toString(areaBinEdges));
        }
        for (int i = 1; i < areaBinEdges.length; i++) {
            if (!(areaBinEdges[i] > areaBinEdges[i - 1])) {
                throw new IllegalArgumentException("area bin edges must increase: " + Arrays.toString(areaBinEdges));
            }
        }
    }

    @Override
    public double[] areaBinEdges() {
        return areaBinEdges.clone();
    }

    /**
     * The bin of an area ratio.
     *
     * @param ratio a ratio in [0, 1]
     * @return the bin index, or -1 for NaN
     */
    public int areaBin(double ratio) {
        if (Double.isNaN(ratio)) {
            return -1;
        }
        for (int i = areaBinEdges.length - 2; i >= 0; i--) {
            if (ratio >= areaBinEdges[i]) {
                return i;
            }
        }
        return 0;
    }

    /** @return the defaults */
    public static StatsConfig defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link StatsConfig}. */
    public static final class Builder {
        private int topK = 50;
        private CoEmbMatcher matcher = CoEmbMatcher.defaults();
        private double[] areaBinEdges = DEFAULT_AREA_BIN_EDGES;

        private Builder() {}

        /**
         * @param topK n-grams kept per vocabulary (default 50)
         * @return this
         */
        public Builder optTopK(int topK) {
            this.topK = topK;
            return this;
        }

        /**
         * @param rule the fuzzy rule (default {@link FuzzyRule#DEFAULT})
         * @return this
         */
        public Builder optFuzzyRule(FuzzyRule rule) {
            this.matcher = CoEmbMatcher.withFuzzyRule(rule);
            return this;
        }

        /**
         * @param edges area-ratio bin edges from 0 to 1 (default {@link #DEFAULT_AREA_BIN_EDGES})
         * @return this
         */
        public Builder optAreaBinEdges(double... edges) {
            this.areaBinEdges = edges.clone();
            return this;
        }

        /** @return the validated settings */
        public StatsConfig build() {
            return new StatsConfig(topK, matcher, areaBinEdges);
        }
    }
}
