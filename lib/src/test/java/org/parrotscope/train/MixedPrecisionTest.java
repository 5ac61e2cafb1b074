package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parrotscope.clip.ClipConfig;
import org.parrotscope.clip.ClipModel;

/**
 * fp16 mixed-precision training on the CPU (libtorch's CPU build runs every op of the model in half, slowly): the
 * loss scaler's effect on a real step, and the first step against fp32 from the same weights and batch.
 */
class MixedPrecisionTest {

    static final int BATCH = 8;

    static StepRunner runner(ClipModel model, List<Device> devices, LossScaler scaler) {
        return new StepRunner(
                model, StepRunnerTest.adamw(), 1f, BATCH, StepRunnerTest.CTX, devices, Precision.FP16, scaler);
    }

    @Test
    void overflow_skipsTheStep_halvesTheScale_andLeavesTheWeights() throws Exception {
        ClipConfig c = StepRunnerTest.tiny();
        var batch = StepRunnerTest.Batch.random(c, BATCH, 3);
        try (ClipModel model = ClipModel.create(c, 2)) {
            Map<String, float[]> before = model.stateDict();
            // a scale no fp16 gradient survives: d(loss * 1e30)/d(features) is far beyond fp16's 65,504
            LossScaler scaler = new LossScaler(1e30f, 2000);
            try (StepRunner r = runner(model, List.of(Device.cpu()), scaler)) {
                double loss = StepRunnerTest.step(r, c, batch, BATCH);
                assertTrue(Double.isFinite(loss), "the loss itself is fp32 and finite: " + loss);
                assertEquals(1, r.skippedSteps());
                assertEquals(1, r.overflowSteps());
                assertEquals(5e29f, scaler.scale());
                assertEquals(0, scaler.finiteSteps());
                Map<String, float[]> after = model.stateDict();
                for (var e : before.entrySet()) {
                    assertArrayEquals(e.getValue(), after.get(e.getKey()), 0f, e.getKey() + " changed");
                }
                // the gradients were cleared: the next step at a sane scale updates normally
                scaler.restore(1024f, 0);
                StepRunnerTest.step(r, c, batch, BATCH);
                assertEquals(1, r.skippedSteps());
                assertEquals(1, scaler.finiteSteps());
                assertTrue(Double.isFinite(r.lastGradNorm()));
                assertNotEquals(before.get("visual.proj")[0], model.stateDict().get("visual.proj")[0]);
            }
        }
    }

    @Test
    void fp16Steps_followFp32_fromTheSameWeightsAndBatches() throws Exception {
        ClipConfig c = StepRunnerTest.tiny();
        double[] fp32 = new double[4];
        double[] fp16 = new double[4];
        double[] norm32 = new double[4];
        double[] norm16 = new double[4];
        try (ClipModel model = ClipModel.create(c, 11);
                StepRunner r = new StepRunner(
                        model, StepRunnerTest.adamw(), 1f, BATCH, StepRunnerTest.CTX, List.of(Device.cpu()))) {
            for (int s = 0; s < 4; s++) {
                fp32[s] = StepRunnerTest.step(r, c, StepRunnerTest.Batch.random(c, BATCH, 100 + s), BATCH);
                norm32[s] = r.lastGradNorm();
            }
        }
        // GradScaler's 2^16 overflows this random model's first gradients (elements above 1) and is halved over the
        // first steps, which would skip them; 2^10 lets every step be compared with its fp32 twin
        try (ClipModel model = ClipModel.create(c, 11);
                StepRunner r = runner(model, List.of(Device.cpu()), new LossScaler(1024f, 2000))) {
            for (int s = 0; s < 4; s++) {
                fp16[s] = StepRunnerTest.step(r, c, StepRunnerTest.Batch.random(c, BATCH, 100 + s), BATCH);
                norm16[s] = r.lastGradNorm();
            }
            assertEquals(0, r.skippedSteps(), "2^10 does not overflow this model's gradients");
            assertEquals(Precision.FP16, r.precision());
        }
        // the first step starts from the same weights: fp16 keeps about 3 significant digits, so the loss (about
        // ln 8 = 2.08) agrees to 1e-2 and the gradient norm, with the loss scale divided out, to 2 %
        assertEquals(fp32[0], fp16[0], 1e-2, "loss of step 0");
        assertEquals(norm32[0], norm16[0], 0.02 * norm32[0], "grad norm of step 0");
        for (int s = 1; s < 4; s++) {
            // later steps start from weights that AdamW moved by about the rate (5e-3) per element in the sign of
            // each gradient entry, so rounding that flips a tiny entry's sign moves that weight the other way: looser
            assertEquals(fp32[s], fp16[s], 5e-2, "loss of step " + s);
            assertEquals(norm32[s], norm16[s], 0.1 * norm32[s], "grad norm of step " + s);
        }
    }

    @Test
    void twoFp16Replicas_equalOneFp16Replica() throws Exception {
        ClipConfig c = StepRunnerTest.tiny();
        double[][] losses = new double[2][3];
        Map<String, float[]>[] weights = new Map[2];
        List<List<Device>> setups = List.of(List.of(Device.cpu()), List.of(Device.cpu(), Device.cpu()));
        for (int k = 0; k < 2; k++) {
            try (ClipModel model = ClipModel.create(c, 11);
                    StepRunner r = runner(model, setups.get(k), new LossScaler(1024f, 2000))) {
                for (int s = 0; s < 3; s++) {
                    losses[k][s] = StepRunnerTest.step(r, c, StepRunnerTest.Batch.random(c, BATCH, 50 + s), BATCH);
                }
                weights[k] = model.stateDict();
                assertEquals(0, r.skippedSteps(), setups.get(k).toString());
            }
        }
        for (int s = 0; s < 3; s++) {
            // the shares' forward passes round differently only where a reduction spans the batch: the loss's
            assertEquals(losses[0][s], losses[1][s], 1e-3, "loss of step " + s);
        }
        // a replica's half forward on 4 samples rounds a little differently from one on 8 (other matmul blocking), and
        // AdamW moves a weight by about the rate (5e-3) in the sign of its gradient entry whatever its size: a weight
        // whose tiny gradient entry changed sign ends up to 2 x rate x steps away; nearly all agree closely
        long total = 0;
        long far = 0;
        for (var e : weights[0].entrySet()) {
            float[] a = e.getValue();
            float[] b = weights[1].get(e.getKey());
            for (int i = 0; i < a.length; i++) {
                float d = Math.abs(a[i] - b[i]);
                assertTrue(d <= 2 * 5e-3f * 3 + 1e-5f, e.getKey() + "[" + i + "] differs by " + d);
                total++;
                far += d > 1e-4f ? 1 : 0;
            }
        }
        assertTrue(far < total / 50, far + " of " + total + " weights differ by more than 1e-4");
    }

    @Test
    void gradScalerDefaults_skipTheOverflowingFirstSteps_thenTrain() throws Exception {
        ClipConfig c = StepRunnerTest.tiny();
        try (ClipModel model = ClipModel.create(c, 11);
                StepRunner r = runner(model, List.of(Device.cpu()), LossScaler.gradScaler())) {
            int steps = 0;
            while (r.skippedSteps() == steps && steps < 3) { // the first step may already fit
                StepRunnerTest.step(r, c, StepRunnerTest.Batch.random(c, BATCH, steps), BATCH);
                steps++;
            }
            for (int s = 0; s < 8; s++) {
                StepRunnerTest.step(r, c, StepRunnerTest.Batch.random(c, BATCH, 10 + s), BATCH);
            }
            int skipped = r.skippedSteps();
            // every skip halved the scale once, and the scale settled: the later steps went through
            assertEquals(65536f / (1 << skipped), r.scaler().scale());
            assertEquals(skipped, r.overflowSteps());
            assertTrue(skipped < 8 + steps, "some steps trained");
            assertTrue(Double.isFinite(r.lastGradNorm()));
        }
    }

    @Test
    void layerNormOfHalfInput_accumulatesItsStatisticsInFloat32() {
        // mean 100, spread 3, 512 values: in fp16 the sum of squares (about 5e6) overflows 65,504 and the mean's sum
        // rounds in steps of 32; the kernel's float32 accumulation leaves only the output's fp16 rounding
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(1);
            NDArray x = m.randomNormal(new Shape(64, 512)).mul(3).add(100).toType(DataType.FLOAT16, false);
            NDArray wide = x.toType(DataType.FLOAT32, false);
            NDArray ones = m.ones(new Shape(512));
            NDArray zeros = m.zeros(new Shape(512));
            NDArray expected = wide.getNDArrayInternal()
                    .layerNorm(wide, new Shape(512), ones, zeros, 1e-5f)
                    .singletonOrThrow();
            NDArray half = x.getNDArrayInternal()
                    .layerNorm(
                            x,
                            new Shape(512),
                            ones.toType(DataType.FLOAT16, false),
                            zeros.toType(DataType.FLOAT16, false),
                            1e-5f)
                    .singletonOrThrow();
            float worst = half.toType(DataType.FLOAT32, false)
                    .sub(expected)
                    .abs()
                    .max()
                    .getFloat();
            // outputs within about 4 standard deviations: fp16's spacing there is 2^-8, half of it rounding
            assertTrue(worst < 4e-3f, "fp16 layer norm off by " + worst);
        }
    }
}
