package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainTransformTest {

    @Test
    void cropBox_staysInsideImage_withOpenClipScaleAndRatio() {
        TrainTransform tt = new TrainTransform(8, 0.9, 1.0, new float[] {0, 0, 0}, new float[] {1, 1, 1});
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            int[] b = tt.cropBox(64, 48, rng);
            double area = (double) b[2] * b[3] / (64 * 48);
            double ratio = (double) b[2] / b[3];
            assertEquals(true, b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= 64 && b[1] + b[3] <= 48);
            // rounding the side lengths can move area and ratio slightly outside the sampled ranges
            assertEquals(true, area > 0.85 && area <= 1.0 + 1e-9, "area " + area);
            assertEquals(true, ratio > 0.7 && ratio < 1.4, "ratio " + ratio);
        }
    }
}
