package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClipNetworkTest {

    @Test
    void blocks_declareExactlyOpenClipsNamesAndShapes() {
        for (String preset : ClipPresets.names()) {
            ClipConfig c = ClipPresets.load(preset);
            Map<String, Parameter> params = StateDict.of(new ClipNetwork(c));
            Map<String, long[]> shapes = ClipShapes.of(c);
            assertEquals(shapes.keySet(), params.keySet(), preset);
            shapes.forEach((name, shape) ->
                    assertArrayEquals(shape, params.get(name).getShape().getShape(), name));
        }
    }

    @Test
    void createdModel_isSeededAndUsesOpenClipsLogitScale() {
        ClipConfig tiny = ClipPresets.load("tiny");
        try (ClipModel a = ClipModel.create(tiny, 7);
                ClipModel b = ClipModel.create(tiny, 7);
                ClipModel c = ClipModel.create(tiny, 8)) {
            Map<String, float[]> sa = a.stateDict();
            Map<String, float[]> sb = b.stateDict();
            sa.forEach((k, v) -> assertArrayEquals(v, sb.get(k), k));
            assertTrue(!java.util.Arrays.equals(
                    sa.get("visual.proj"), c.stateDict().get("visual.proj")));
            assertEquals(Math.log(1 / 0.07), a.logitScale(), 1e-6);
            // OpenCLIP: token embedding ~ N(0, 0.02); LayerNorm starts at ones
            float[] tok = sa.get("token_embedding.weight");
            double var = 0;
            for (float x : tok) {
                var += x * x;
            }
            assertEquals(0.02, Math.sqrt(var / tok.length), 0.001);
            for (float x : sa.get("ln_final.weight")) {
                assertEquals(1f, x);
            }
        }
    }

    @Test
    void forwardInsideGradientCollector_matchesFiniteDifferences() throws Exception {
        try (ClipModel model = ClipModel.load(Fixtures.dir(Fixtures.QUICKGELU));
                NDManager m = model.manager().newSubManager()) {
            float[] px = Fixtures.tensor(Fixtures.QUICKGELU, "pixels.safetensors", "pixel_values");
            long[][] ids = Fixtures.inputIds(Fixtures.QUICKGELU);
            long[] flat = new long[ids.length * ids[0].length];
            for (int i = 0; i < ids.length; i++) {
                System.arraycopy(ids[i], 0, flat, i * ids[0].length, ids[0].length);
            }
            NDArray pixels = m.create(px, new Shape(4, 3, 32, 32));
            NDArray tokens = m.create(flat, new Shape(ids.length, ids[0].length));
            Parameter lnPre = StateDict.of(model.network()).get("visual.ln_pre.weight");
            Parameter tokEmb = StateDict.of(model.network()).get("token_embedding.weight");
            float grad;
            float gradTok;
            try (GradientCollector gc = model.engine().newGradientCollector()) {
                NDArray loss = loss(model, pixels, tokens, true);
                gc.backward(loss);
                grad = lnPre.getArray().getGradient().toFloatArray()[3];
                gradTok = tokEmb.getArray().getGradient().get(320).toFloatArray()[5]; // token 320 ("a") is used
                gc.zeroGradients();
            }
            assertTrue(grad != 0 && gradTok != 0);
            assertEquals(fd(model, lnPre.getArray(), 3, pixels, tokens), grad, 0.02 * Math.abs(grad) + 1e-3);
            assertEquals(
                    fd(model, tokEmb.getArray(), 320 * 64 + 5, pixels, tokens),
                    gradTok,
                    0.02 * Math.abs(gradTok) + 1e-3);
        }
    }

    /** A scalar of both towers: sum of the logits times a fixed pattern. */
    private static NDArray loss(ClipModel model, NDArray pixels, NDArray tokens, boolean training) {
        NDArray img = model.encodeImages(pixels, training);
        NDArray txt = model.encodeTexts(tokens, training);
        NDArray logits = img.div(img.norm(new int[] {1}, true))
                .matMul(txt.div(txt.norm(new int[] {1}, true)).transpose())
                .mul(model.logitScale(img, training).exp());
        NDArray w = logits.getManager().arange(16f).reshape(4, 4).sub(7.5f);
        return logits.mul(w).sum();
    }

    /** Central finite difference of the loss in one parameter element, evaluated in double from float sums. */
    private static double fd(ClipModel model, NDArray param, int index, NDArray pixels, NDArray tokens) {
        float[] orig = param.toFloatArray();
        double h = 1e-2;
        double[] vals = new double[2];
        for (int s = 0; s < 2; s++) {
            float[] v = orig.clone();
            v[index] += (float) (s == 0 ? h : -h);
            param.set(v);
            vals[s] = loss(model, pixels, tokens, false).getFloat();
        }
        param.set(orig);
        return (vals[0] - vals[1]) / (2 * h);
    }
}
