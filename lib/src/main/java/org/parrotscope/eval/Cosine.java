package org.parrotscope.eval;

/** Row normalisation and cosine-similarity matrices over plain float arrays. */
public final class Cosine {

    private Cosine() {}

    /**
     * L2-normalises each row (a zero row stays zero).
     *
     * @param rows the rows
     * @return normalised copies
     */
    public static float[][] normalise(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (float v : rows[i]) {
                s += (double) v * v;
            }
            double n = Math.sqrt(s);
            out[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = n > 0 ? (float) (rows[i][j] / n) : 0f;
            }
        }
        return out;
    }

    /**
     * Cosine similarities between every row of {@code a} and every row of {@code b}.
     *
     * @param a rows (n, d)
     * @param b rows (m, d)
     * @return (n, m) similarities
     */
    public static float[][] matrix(float[][] a, float[][] b) {
        float[][] na = normalise(a);
        float[][] nb = normalise(b);
        float[][] s = new float[na.length][nb.length];
        for (int i = 0; i < na.length; i++) {
            for (int j = 0; j < nb.length; j++) {
                s[i][j] = dot(na[i], nb[j]);
            }
        }
        return s;
    }

    /**
     * The cosine similarity of two vectors.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return the cosine, 0 when either is zero
     */
    public static float cosine(float[] a, float[] b) {
        float[][] n = normalise(new float[][] {a, b});
        return dot(n[0], n[1]);
    }

    private static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embedding widths differ: " + a.length + " vs " + b.length);
        }
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (double) a[k] * b[k];
        }
        return (float) s;
    }
}
