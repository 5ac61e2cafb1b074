package org.parrotscope.edit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether removing the text lowers the CLIP score more than removing random areas, measured per sample: for every
 * image that has both scores, {@code d = S(random baseline) - S(text removed)} (paper Table 2: 0.3260 - 0.2974 for
 * All, 0.3341 - 0.2993 for Co, i.e. text removal costs more than the inpainting itself). The effect is called
 * visible when the mean of {@code d} exceeds two standard errors (a paired comparison, ours; the paper gives no
 * test). On a model that cannot read the printed words the two removals cost the same and {@code d} is noise.
 *
 * @param removal All or Co removal
 * @param n samples with both scores
 * @param meanRemoved mean S(text removed)
 * @param meanRandom mean S(random baseline)
 * @param meanDifference mean of {@code d}
 * @param standardError the standard error of {@code meanDifference} (sample std / sqrt(n)); NaN below 2 samples
 */
public record AblationEffect(
        Removal removal, int n, double meanRemoved, double meanRandom, double meanDifference, double standardError) {

    /** Validates the fields. */
    public AblationEffect {
        Objects.requireNonNull(removal, "removal");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
    }

    /**
     * Measures the effect.
     *
     * @param rows ablation rows
     * @param removal All or Co
     * @return the paired comparison over the rows that have both scores
     */
    public static AblationEffect of(List<AblationRow> rows, Removal removal) {
        Variant removed = removal == Removal.ALL ? Variant.ALL : Variant.CO;
        Variant random = removal == Removal.ALL ? Variant.RAND_ALL : Variant.RAND_CO;
        double[] d = new double[rows.size()];
        double sumRemoved = 0;
        double sumRandom = 0;
        int n = 0;
        for (AblationRow r : rows) {
            double a = r.score(removed);
            double b = r.score(random);
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                d[n++] = b - a;
                sumRemoved += a;
                sumRandom += b;
            }
        }
        if (n == 0) {
            return new AblationEffect(removal, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += d[i];
        }
        mean /= n;
        double se = Double.NaN;
        if (n > 1) {
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (d[i] - mean) * (d[i] - mean);
            }
            se = Math.sqrt(ss / (n - 1) / n);
        }
        return new AblationEffect(removal, n, sumRemoved / n, sumRandom / n, mean, se);
    }

    /** @return true when text removal lowers the score more than random areas by over two standard errors */
    public boolean visible() {
        return n > 1 && standardError >= 0 && meanDifference > 2 * standardError;
    }

    /** @return one sentence with the numbers and the verdict */
    public String describe() {
        if (n == 0) {
            return removal.paperName() + " text removal: no sample has both scores, nothing to compare.";
        }
        String verdict = visible()
                ? "the text itself carries score: removing it costs more than inpainting random areas"
                : "no effect beyond the random baseline at this size (the difference is within two standard"
                        + " errors, or removal costs less): the model does not appear to read the printed words";
        return String.format(
                Locale.ROOT,
                "%s text removal on %d images: mean score %.4f with the text removed vs %.4f with random areas"
                        + " removed; difference %.4f ± %.4f (standard error), %s.",
                removal.paperName(),
                n,
                meanRemoved,
                meanRandom,
                meanDifference,
                standardError,
                verdict);
    }
}
