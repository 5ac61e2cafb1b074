package org.parrotscope.eval;

/**
 * Image-text retrieval recall over held-out pairs: the fraction of queries whose own pair is among the
 * top k results, image-to-text and text-to-image.
 *
 * @param pairs number of pairs
 * @param i2tR1 image-to-text R@1
 * @param i2tR5 image-to-text R@5
 * @param i2tR10 image-to-text R@10
 * @param t2iR1 text-to-image R@1
 * @param t2iR5 text-to-image R@5
 * @param t2iR10 text-to-image R@10
 */
public record RetrievalResult(
        int pairs, double i2tR1, double i2tR5, double i2tR10, double t2iR1, double t2iR5, double t2iR10) {

    /** Validates the counts. */
    public RetrievalResult {
        if (pairs < 1) {
            throw new IllegalArgumentException("retrieval needs at least one pair");
        }
    }

    /**
     * Computes recalls from a similarity matrix whose diagonal holds the true pairs. A query's rank is the
     * number of candidates scoring strictly higher than its pair (ties count in the pair's favour).
     *
     * @param sim (n, n) similarities, image rows by text columns
     * @return the recalls
     */
    public static RetrievalResult of(float[][] sim) {
        int n = sim.length;
        int[] i2t = new int[n];
        int[] t2i = new int[n];
        for (int i = 0; i < n; i++) {
            if (sim[i].length != n) {
                throw new IllegalArgumentException(
                        "similarity matrix must be square, row " + i + " has " + sim[i].length);
            }
            for (int j = 0; j < n; j++) {
                if (sim[i][j] > sim[i][i]) {
                    i2t[i]++;
                }
                if (sim[j][i] > sim[i][i]) {
                    t2i[i]++;
                }
            }
        }
        return new RetrievalResult(
                n, recall(i2t, 1), recall(i2t, 5), recall(i2t, 10), recall(t2i, 1), recall(t2i, 5), recall(t2i, 10));
    }

    private static double recall(int[] ranks, int k) {
        int hit = 0;
        for (int r : ranks) {
            if (r < k) {
                hit++;
            }
        }
        return (double) hit / ranks.length;
    }
}
