package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loss, optimizer and schedule against values computed with Python's math module from the definitions. */
class OptimizationTest {

    @Test
    void infoNce_matchesHandComputedSymmetricCrossEntropy() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray img = m.create(new float[] {1, 0, 0.6f, 0.8f}, new ai.djl.ndarray.types.Shape(2, 2));
            NDArray txt = m.create(new float[] {1, 1, 0, 2}, new ai.djl.ndarray.types.Shape(2, 2));
            NDArray scale = m.create(new float[] {(float) Math.log(10)});
            float loss = new ContrastiveLoss()
                    .evaluate(new NDList(), new NDList(img, txt, scale))
                    .getFloat();
            // python: symmetric CE of 10 * cos-sim matrix = 1.2314959588635495
            assertEquals(1.2314959588635495, loss, 1e-5);
        }
    }

    @Test
    void cosineWarmup_followsOpenClipCosineLr() {
        CosineWarmup s = new CosineWarmup(1e-3f, 3, 10);
        double[] expected = {
            3.333333e-4,
            6.666667e-4,
            1e-3,
            1e-3,
            9.504844e-4,
            8.117449e-4,
            6.112605e-4,
            3.887395e-4,
            1.882551e-4,
            4.951557e-5
        };
        for (int step = 0; step < 10; step++) {
            assertEquals(expected[step], s.at(step), 1e-9, "step " + step);
            assertEquals(s.at(step), s.getNewValue(step + 1), 0f, "DJL counts updates from 1");
        }
    }

    @Test
    void adamW_decaysOnlyMaskedParameters_asTorchAdamW() {
        AdamW opt = AdamW.builder()
                .optLearningRateTracker(Tracker.fixed(0.1f))
                .optDecoupledWeightDecay(0.5f)
                .optDecayMask(id -> id.equals("decayed"))
                .build();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, -2});
            NDArray b = m.create(new float[] {1, -2});
            for (float[] g : new float[][] {{0.5f, -1f}, {0.1f, 0.3f}}) {
                opt.update("decayed", a, m.create(g));
                opt.update("plain", b, m.create(g));
            }
            // python, torch.optim.AdamW update rule, betas (0.9, 0.98), eps 1e-6
            assertArrayEquals(new float[] {0.7268379f, -1.6670427f}, a.toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {0.8193379f, -1.8570427f}, b.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void adamW_exportedStateResumesIdentically() {
        try (NDManager m = NDManager.newBaseManager()) {
            AdamW straight =
                    AdamW.builder().optLearningRateTracker(Tracker.fixed(0.1f)).build();
            NDArray w1 = m.create(new float[] {1, -2});
            float[][] grads = {{0.5f, -1f}, {0.1f, 0.3f}, {-0.2f, 0.7f}};
            for (float[] g : grads) {
                straight.update("id1", w1, m.create(g));
            }
            AdamW first =
                    AdamW.builder().optLearningRateTracker(Tracker.fixed(0.1f)).build();
            NDArray w2 = m.create(new float[] {1, -2});
            first.update("idA", w2, m.create(grads[0]));
            first.update("idA", w2, m.create(grads[1]));
            OptimizerState state = first.exportState(Map.of("idA", "p"));
            AdamW resumed =
                    AdamW.builder().optLearningRateTracker(Tracker.fixed(0.1f)).build();
            resumed.importState(state, Map.of("p", "idB"), w2);
            resumed.update("idB", w2, m.create(grads[2]));
            assertEquals(2, state.steps().get("p"));
            assertArrayEquals(w1.toFloatArray(), w2.toFloatArray(), 0f);
        }
    }

    @Test
    void weightDecayRule_followsOpenClipExclusions() {
        assertTrue(WeightDecayRule.decays("visual.transformer.resblocks.0.attn.in_proj_weight", 2));
        assertTrue(WeightDecayRule.decays("visual.conv1.weight", 4));
        assertTrue(WeightDecayRule.decays("text_projection", 2));
        assertTrue(WeightDecayRule.decays("visual.proj", 2));
        assertFalse(WeightDecayRule.decays("visual.transformer.resblocks.0.ln_1.weight", 1));
        assertFalse(WeightDecayRule.decays("visual.transformer.resblocks.0.attn.in_proj_bias", 1));
        assertFalse(WeightDecayRule.decays("token_embedding.weight", 2));
        assertFalse(WeightDecayRule.decays("positional_embedding", 2));
        assertFalse(WeightDecayRule.decays("visual.class_embedding", 1));
        assertFalse(WeightDecayRule.decays("logit_scale", 0));
        assertFalse(WeightDecayRule.decays("ln_final.weight", 1));
    }

    @Test
    void gradientsClear_clearsNonFiniteGradients_andNormSeesThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            ai.djl.nn.Parameter p = ai.djl.nn.Parameter.builder()
                    .setName("w")
                    .setType(ai.djl.nn.Parameter.Type.WEIGHT)
                    .build();
            NDArray w = m.create(new float[] {1, 2});
            w.setRequiresGradient(true);
            p.setArray(w);
            try (ai.djl.training.GradientCollector gc =
                    ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(w.log().sub(w.log()).sum().mul(Float.NaN));
            }
            assertTrue(Double.isNaN(Gradients.globalNorm(java.util.List.of(p))));
            Gradients.clear(java.util.List.of(p));
            assertArrayEquals(new float[] {0, 0}, w.getGradient().toFloatArray(), 0f);
            ai.djl.nn.Parameter q = ai.djl.nn.Parameter.builder()
                    .setName("s")
                    .setType(ai.djl.nn.Parameter.Type.WEIGHT)
                    .build();
            NDArray s = m.create(2f);
            s.setRequiresGradient(true);
            q.setArray(s);
            try (ai.djl.training.GradientCollector gc =
                    ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(s.mul(Float.POSITIVE_INFINITY));
            }
            Gradients.clear(java.util.List.of(q));
            assertEquals(0f, s.getGradient().getFloat(), 0f);
            assertEquals(0.0, Gradients.globalNorm(java.util.List.of(p)), 0.0);
            assertEquals(0.5f, Gradients.clipScale(2 - 1e-6, 1f), 1e-6f);
            assertEquals(1f, Gradients.clipScale(Double.NaN, 1f), 0f);
        }
    }
}
