package org.parrotscope.curate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    /**
     * Rows x = R diag(s) z with z standard normal: the covariance is R diag(s²) Rᵀ, so the principal axes are the
     * columns of the rotation R (a closed-form eigen decomposition) and the variances s², in order.
     */
    @Test
    void fit_recoversTheAxesAndVariancesOfAKnownCovariance() {
        double t = Math.toRadians(30);
        double[][] rot = { // rotation by 30° in the (0,1) plane, axis 2 unchanged
            {Math.cos(t), -Math.sin(t), 0}, {Math.sin(t), Math.cos(t), 0}, {0, 0, 1}
        };
        double[] s = {3, 1, 0.5};
        double[] mean = {5, -2, 1};
        int n = 200_000;
        float[] data = new float[n * 3];
        Random rng = new Random(1);
        for (int i = 0; i < n; i++) {
            double[] z = {rng.nextGaussian() * s[0], rng.nextGaussian() * s[1], rng.nextGaussian() * s[2]};
            for (int j = 0; j < 3; j++) {
                data[i * 3 + j] = (float) (mean[j] + rot[j][0] * z[0] + rot[j][1] * z[1] + rot[j][2] * z[2]);
            }
        }
        Pca pca = Pca.fit(data, 3, 2, 2);
        assertEquals(2, pca.outputDim());
        assertArrayEquals(new double[] {9, 1}, pca.variances(), 0.05);
        for (int c = 0; c < 2; c++) {
            double dot = 0;
            for (int j = 0; j < 3; j++) {
                dot += pca.components()[c * 3 + j] * rot[j][c];
            }
            assertEquals(1.0, Math.abs(dot), 1e-3, "axis " + c + " is column " + c + " of the rotation");
        }
        assertArrayEquals(new float[] {5, -2, 1}, pca.mean(), 0.02f);
        // the mean projects to the origin; mean + 3·axis0 to (±3·1, 0)
        float[] y = pca.project(new float[] {(float) (5 + 3 * rot[0][0]), (float) (-2 + 3 * rot[1][0]), 1});
        assertEquals(3.0, Math.abs(y[0]), 0.01);
        assertEquals(0.0, y[1], 0.01);
    }

    @Test
    void fit_isTheSameForOneAndManyThreads() {
        Random rng = new Random(3);
        float[] data = new float[5000 * 8];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rng.nextGaussian() * (1 + i % 8);
        }
        Pca a = Pca.fit(data, 8, 4, 1);
        Pca b = Pca.fit(data, 8, 4, 3);
        assertArrayEquals(a.components(), b.components());
        assertArrayEquals(a.variances(), b.variances());
    }
}
