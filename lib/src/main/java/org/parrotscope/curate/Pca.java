package org.parrotscope.curate;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A principal component projection {@code y = W (x - mean)} (paper Step 1: CLIP ViT-B/32 features, 512 → 256
 * dimensions, before k-means). Fitted exactly from the full covariance matrix: one pass accumulates it in double
 * precision, Apache Commons Math's symmetric eigen decomposition gives the axes. The paper fits scikit-learn's
 * IncrementalPCA batch by batch, which approximates the same axes.
 *
 * @param mean the mean of the fitted rows, {@code dim} values
 * @param components the principal axes as rows of unit length, {@code components × dim} row-major, by
 *     decreasing variance
 * @param variances the variance along each axis (the covariance eigenvalues, divisor n - 1)
 */
public record Pca(float[] mean, float[] components, double[] variances) {

    /** Validates the shapes. */
    public Pca {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(variances, "variances");
        if (mean.length == 0 || variances.length == 0 || components.length != variances.length * mean.length) {
            throw new IllegalArgumentException("PCA shapes do not fit: mean " + mean.length + ", components "
                    + components.length + ", variances " + variances.length);
        }
    }

    /** @return the input width */
    public int inputDim() {
        return mean.length;
    }

    /** @return the output width (number of components) */
    public int outputDim() {
        return variances.length;
    }

    /**
     * Fits a projection to {@code n} rows of width {@code dim}.
     *
     * @param data the rows, row-major
     * @param dim the row width
     * @param components how many axes to keep, 1..dim
     * @param threads worker threads for the covariance pass
     * @return the projection
     */
    public static Pca fit(float[] data, int dim, int components, int threads) {
        int n = data.length / dim;
        if (components < 1 || components > dim) {
            throw new IllegalArgumentException("PCA components must be in 1.." + dim + ", got " + components);
        }
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + n);
        }
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            for (int j = 0; j < dim; j++) {
                mean[j] += data[o + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        double[][] cov = covariance(data, dim, n, mean, threads);
        EigenDecomposition eig = new EigenDecomposition(MatrixUtils.createRealMatrix(cov));
        double[] values = eig.getRealEigenvalues();
        Integer[] order = IntStream.range(0, dim).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        float[] w = new float[components * dim];
        double[] var = new double[components];
        RealMatrix v = eig.getV();
        for (int c = 0; c < components; c++) {
            int col = order[c];
            var[c] = Math.max(0, values[col]);
            // a fixed sign (largest coordinate positive) makes the axes reproducible across runs and libraries
            int big = 0;
            for (int j = 1; j < dim; j++) {
                if (Math.abs(v.getEntry(j, col)) > Math.abs(v.getEntry(big, col))) {
                    big = j;
                }
            }
            double sign = v.getEntry(big, col) < 0 ? -1 : 1;
            for (int j = 0; j < dim; j++) {
                w[c * dim + j] = (float) (sign * v.getEntry(j, col));
            }
        }
        float[] m = new float[dim];
        for (int j = 0; j < dim; j++) {
            m[j] = (float) mean[j];
        }
        return new Pca(m, w, var);
    }

    private static double[][] covariance(float[] data, int dim, int n, double[] mean, int threads) {
        // a fixed block count (not the thread count) keeps the sums, and so the axes, identical for any thread count
        int blocks = Math.max(1, Math.min(8, n / 64 + 1));
        double[][][] parts = new double[blocks][][];
        Parallel.run(blocks, threads, b -> {
            double[][] c = new double[dim][dim];
            double[] x = new double[dim];
            for (int i = (int) ((long) n * b / blocks); i < (int) ((long) n * (b + 1) / blocks); i++) {
                int o = i * dim;
                for (int j = 0; j < dim; j++) {
                    x[j] = data[o + j] - mean[j];
                }
                for (int j = 0; j < dim; j++) {
                    double xj = x[j];
                    double[] row = c[j];
                    for (int l = j; l < dim; l++) {
                        row[l] += xj * x[l];
                    }
                }
            }
            parts[b] = c;
        });
        double[][] cov = new double[dim][dim];
        for (int j = 0; j < dim; j++) {
            for (int l = j; l < dim; l++) {
                double s = 0;
                for (double[][] p : parts) {
                    s += p[j][l];
                }
                cov[j][l] = s / (n - 1);
                cov[l][j] = cov[j][l];
            }
        }
        return cov;
    }

    /**
     * Projects one row.
     *
     * @param x a row of width {@link #inputDim()}
     * @return its coordinates on the principal axes
     */
    public float[] project(float[] x) {
        return project(x, 0);
    }

    /**
     * Projects the row starting at {@code offset}.
     *
     * @param data rows, row-major
     * @param offset the row's first value
     * @return its coordinates on the principal axes
     */
    public float[] project(float[] data, int offset) {
        int dim = inputDim();
        float[] y = new float[outputDim()];
        for (int c = 0; c < y.length; c++) {
            double s = 0;
            int w = c * dim;
            for (int j = 0; j < dim; j++) {
                s += components[w + j] * (data[offset + j] - mean[j]);
            }
            y[c] = (float) s;
        }
        return y;
    }

    /**
     * Projects all rows.
     *
     * @param data rows of width {@link #inputDim()}, row-major
     * @param threads worker threads
     * @return the projected rows, row-major
     */
    public float[] projectAll(float[] data, int threads) {
        int dim = inputDim();
        int n = data.length / dim;
        int out = outputDim();
        float[] y = new float[n * out];
        Parallel.run(Parallel.chunks(n), threads, b -> {
            for (int i = Parallel.from(n, b); i < Parallel.to(n, b); i++) {
                System.arraycopy(project(data, i * dim), 0, y, i * out, out);
            }
        });
        return y;
    }
}
