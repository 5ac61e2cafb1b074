package org.parrotscope.clip;

import java.util.List;

/** Small host-side helpers on embedding rows: L2 normalisation, cosine matrices, per-pair cosines. */
public final class ClipMath {

    private ClipMath() {}

    /**
     * @param rows feature rows
     * @return copies scaled to unit L2 norm (computed in double; a zero row stays zero)
     */
    public static float[][] normalize(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = normalize(rows[i]);
        }
        return out;
    }

    /**
     * @param v a vector
     * @return a copy of unit L2 norm (zero stays zero)
     */
    public static float[] normalize(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        double n = Math.sqrt(s);
        float[] out = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = n == 0 ? 0f : (float) (v[j] / n);
        }
        return out;
    }

    /**
     * @param a rows [n, d]
     * @param b rows [m, d]
     * @return the dot products [n, m]; the cosine similarities when both are normalised
     */
    public static float[][] cosine(float[][] a, float[][] b) {
        float[][] out = new float[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i][j] = (float) dot(a[i], b[j]);
            }
        }
        return out;
    }

    /**
     * Cosine similarities of rows that need not be normalised: each row is scaled to unit length first.
     *
     * @param a rows [n, d]
     * @param b rows [m, d]
     * @return the cosines [n, m]; a zero row has cosine 0 with everything
     */
    public static float[][] cosineOfRows(float[][] a, float[][] b) {
        return cosine(normalize(a), normalize(b));
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return the cosine of the angle between them, 0 when either is zero
     */
    public static float cosineOf(float[] a, float[] b) {
        return (float) dot(normalize(a), normalize(b));
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return their dot product, accumulated in double
     */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (double) a[k] * b[k];
        }
        return s;
    }

    /**
     * Lays rows of equal width end to end, the row-major layout of a tensor of shape [rows, width].
     *
     * @param rows the rows
     * @param width the length every row must have (needed when there are no rows)
     * @return the rows in one array of {@code rows.size() * width} values
     * @throws IllegalArgumentException when a row has another length
     */
    public static float[] flatten(List<float[]> rows, int width) {
        float[] flat = new float[Math.multiplyExact(rows.size(), width)];
        for (int i = 0; i < rows.size(); i++) {
            float[] r = rows.get(i);
            if (r.length != width) {
                throw new IllegalArgumentException("row " + i + " has " + r.length + " values, expected " + width);
            }
            System.arraycopy(r, 0, flat, i * width, width);
        }
        return flat;
    }

    /**
     * @param m a matrix
     * @param factor a scale
     * @return a scaled copy
     */
    public static float[][] scale(float[][] m, float factor) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new float[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j] * factor;
            }
        }
        return out;
    }
}
