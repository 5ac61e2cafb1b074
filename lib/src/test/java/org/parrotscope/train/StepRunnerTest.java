package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parrotscope.clip.ClipConfig;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;

/**
 * Data-parallel training against single-device training, on the CPU: two replicas on one device run the whole
 * multi-device path (broadcast, sharded forward, feature gather, gradient reduction, one update), and the
 * mathematics says the result must equal one replica on the same global batch up to float rounding.
 */
class StepRunnerTest {

    static final int CTX = 12;
    static final int VOCAB = 40;

    /** The tiny preset with a small vocabulary and context, so that a step takes milliseconds. */
    static ClipConfig tiny() throws Exception {
        ClipConfig p = ClipPresets.load("tiny");
        ClipConfig.TextConfig t = p.text();
        return new ClipConfig(
                p.embedDim(),
                p.vision(),
                new ClipConfig.TextConfig(CTX, VOCAB, t.width(), t.heads(), t.layers(), t.mlpRatio()),
                p.quickGelu());
    }

    /** Random normalised pixels and token ids with the end token (the largest id) at a random position. */
    record Batch(float[] pixels, long[] ids) {
        static Batch random(ClipConfig c, int batch, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int side = c.vision().imageSize();
            float[] px = new float[batch * 3 * side * side];
            for (int k = 0; k < px.length; k++) {
                px[k] = (float) rng.nextGaussian();
            }
            long[] ids = new long[batch * CTX];
            for (int b = 0; b < batch; b++) {
                int len = 2 + rng.nextInt(CTX - 1);
                ids[b * CTX] = VOCAB - 2;
                for (int k = 1; k < len - 1; k++) {
                    ids[b * CTX + k] = 1 + rng.nextInt(VOCAB - 3);
                }
                ids[b * CTX + len - 1] = VOCAB - 1;
            }
            return new Batch(px, ids);
        }
    }

    static AdamW.Builder adamw() {
        // a large rate so that weights move visibly; clipping at 1 is active (the norms exceed it)
        return AdamW.builder().optLearningRateTracker(Tracker.fixed(5e-3f));
    }

    static double step(StepRunner runner, ClipConfig c, Batch b, int batch) {
        int side = c.vision().imageSize();
        try (NDManager m = runner.newBatchManager()) {
            return runner.step(
                    m.create(b.pixels(), new Shape(batch, 3, side, side)), m.create(b.ids(), new Shape(batch, CTX)));
        }
    }

    record Run(List<Double> losses, List<Double> norms, Map<String, float[]> weights) {}

    static Run train(List<Device> devices, int steps, int batch) throws Exception {
        ClipConfig c = tiny();
        List<Double> losses = new ArrayList<>();
        List<Double> norms = new ArrayList<>();
        try (ClipModel model = ClipModel.create(c, 11);
                StepRunner runner = new StepRunner(model, adamw(), 1f, batch, CTX, devices)) {
            for (int s = 0; s < steps; s++) {
                losses.add(step(runner, c, Batch.random(c, batch, 100 + s), batch));
                norms.add(runner.lastGradNorm());
            }
            return new Run(losses, norms, model.stateDict());
        }
    }

    @Test
    void twoReplicas_equalOneReplica_onTheSameGlobalBatch() throws Exception {
        Run one = train(List.of(Device.cpu()), 5, 8);
        Run two = train(List.of(Device.cpu(), Device.cpu()), 5, 8);
        for (int s = 0; s < 5; s++) {
            assertEquals(one.losses().get(s), two.losses().get(s), 1e-5, "loss of step " + s);
            assertEquals(
                    one.norms().get(s), two.norms().get(s), 1e-4 * one.norms().get(s), "grad norm " + s);
        }
        assertTrue(one.norms().get(0) > 1, "clipping must be active for the test to cover it");
        // the weights moved (rate 5e-3 over 5 steps) and identically
        Map<String, float[]> start;
        try (ClipModel m = ClipModel.create(tiny(), 11)) {
            start = m.stateDict();
        }
        double moved = 0;
        for (var e : one.weights().entrySet()) {
            float[] a = e.getValue();
            float[] b = two.weights().get(e.getKey());
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 2e-5f, e.getKey() + "[" + i + "]");
                moved = Math.max(moved, Math.abs(a[i] - start.get(e.getKey())[i]));
            }
        }
        assertTrue(moved > 1e-3, "weights must move for the comparison to mean anything: " + moved);
    }

    @Test
    void fourReplicas_equalOneReplica() throws Exception {
        Run one = train(List.of(Device.cpu()), 3, 8);
        Run four = train(List.of(Device.cpu(), Device.cpu(), Device.cpu(), Device.cpu()), 3, 8);
        for (int s = 0; s < 3; s++) {
            assertEquals(one.losses().get(s), four.losses().get(s), 1e-5, "loss of step " + s);
        }
        for (var e : one.weights().entrySet()) {
            float[] a = e.getValue();
            float[] b = four.weights().get(e.getKey());
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 2e-5f, e.getKey() + "[" + i + "]");
            }
        }
    }

    @Test
    void batchThatDoesNotDivide_failsAtStart() throws Exception {
        try (ClipModel model = ClipModel.create(tiny(), 1)) {
            var e = assertThrows(
                    IllegalArgumentException.class,
                    () -> new StepRunner(model, adamw(), 0f, 7, CTX, List.of(Device.cpu(), Device.cpu())));
            assertTrue(e.getMessage().contains("batch 7 does not divide evenly over 2 device(s)"), e.getMessage());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new StepRunner(model, adamw(), 0f, 8, CTX, List.of(Device.gpu(0))));
        }
    }

    @Test
    void modelManager_holdsNoNewArraysAcrossSteps_andOptimizerStateIsFreed() throws Exception {
        ClipConfig c = tiny();
        for (List<Device> devices : List.of(List.of(Device.cpu()), List.of(Device.cpu(), Device.cpu()))) {
            try (ClipModel model = ClipModel.create(c, 5)) {
                int before;
                List<Integer> counts = new ArrayList<>();
                AdamW opt;
                try (StepRunner runner = new StepRunner(model, adamw(), 1f, 4, CTX, devices)) {
                    opt = runner.optimizer();
                    before = model.manager().getManagedArrays().size();
                    for (int s = 0; s < 4; s++) {
                        step(runner, c, Batch.random(c, 4, s), 4);
                        counts.add(model.manager().getManagedArrays().size());
                    }
                    assertEquals(
                            model.parameters().size(),
                            opt.exportState(runner.idToName()).steps().size());
                }
                // arrays built at the first step and reused: the causal mask and one attention scale per residual
                // block (GraphScalars; QuickGELU's factor too where used); the optimizer's moments (two per
                // parameter) live in the optimizer's own manager
                int blocks = c.vision().layers() + c.text().layers();
                int cached = before + 1 + blocks * (c.quickGelu() ? 2 : 1);
                assertEquals(List.of(cached, cached, cached, cached), counts, devices.toString());
                assertTrue(opt.exportState(Map.of()).steps().isEmpty());
            }
        }
    }
}
