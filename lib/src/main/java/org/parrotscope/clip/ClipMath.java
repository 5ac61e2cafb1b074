package org.parrotscope.clip;

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
