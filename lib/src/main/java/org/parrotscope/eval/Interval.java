package org.parrotscope.eval;

/**
 * A 95% confidence interval of a rate or a mean, for judging whether two models' measurements differ.
 *
 * @param low the lower bound
 * @param high the upper bound, at least {@code low}
 */
public record Interval(double low, double high) {

    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    /** Checks the bounds. */
    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval bounds out of order: [" + low + ", " + high + "]");
        }
    }

    /**
     * The Wilson score interval of a binomial proportion (Wilson 1927): unlike the normal approximation it stays
     * inside [0, 1] and does not collapse to a point at 0 or 1, which matters for rates such as the typographic
     * written-class rate that sit near zero.
     *
     * @param p the observed proportion in [0, 1]
     * @param n the number of trials, at least 1
     * @return the 95% interval
     */
    public static Interval wilson(double p, int n) {
        if (n < 1 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a proportion in [0, 1] over n >= 1 trials, not " + p + " of " + n);
        }
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The normal-approximation interval of a mean: mean ± 1.96 std / sqrt(n).
     *
     * @param mean the sample mean
     * @param std the sample standard deviation
     * @param n the sample size, at least 1
     * @return the 95% interval
     */
    public static Interval ofMean(double mean, double std, long n) {
        if (n < 1 || !(std >= 0)) {
            throw new IllegalArgumentException("a mean needs n >= 1 and std >= 0, not n " + n + ", std " + std);
        }
        double half = Z95 * std / Math.sqrt(n);
        return new Interval(mean - half, mean + half);
    }

    /**
     * @param other another interval
     * @return true when the two share at least one point
     */
    public boolean overlaps(Interval other) {
        return low <= other.high && other.low <= high;
    }

    /** @return {@code [low, high]} with 3 decimals */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "[%.3f, %.3f]", low, high);
    }
}
