package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Features and logits of our DJL CLIP against OpenCLIP's own outputs on the fixtures (tolerances of the fixtures'
 * README).
 */
class ClipParityTest {

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.QUICKGELU, Fixtures.GELU})
    void fixturePixelsAndIds_giveOpenClipFeaturesAndLogits(String fixture) throws Exception {
        float[] pixels = Fixtures.tensor(fixture, "pixels.safetensors", "pixel_values");
        long[][] ids = Fixtures.inputIds(fixture);
        try (ClipModel model = ClipModel.load(Fixtures.dir(fixture))) {
            float[][] img = model.encodeImages(pixels, ids.length);
            float[][] txt = model.encodeTexts(ids);
            double imgErr =
                    Fixtures.maxAbsDiff(img, Fixtures.matrix(fixture, "expected.safetensors", "image_features"));
            double txtErr = Fixtures.maxAbsDiff(txt, Fixtures.matrix(fixture, "expected.safetensors", "text_features"));
            float[][] logits = ClipMath.scale(ClipMath.cosine(ClipMath.normalize(img), ClipMath.normalize(txt)), (float)
                    Math.exp(model.logitScale()));
            double logitErr =
                    Fixtures.maxAbsDiff(logits, Fixtures.matrix(fixture, "expected.safetensors", "logits_per_image"));
            System.out.printf(
                    "%s parity: image features %.2e, text features %.2e, logits %.2e%n",
                    fixture, imgErr, txtErr, logitErr);
            assertTrue(imgErr <= 1e-4, "image features off by " + imgErr);
            assertTrue(txtErr <= 1e-4, "text features off by " + txtErr);
            assertTrue(logitErr <= 1e-3, "logits off by " + logitErr);
        }
    }
}
