package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end from files: our tokenizer on the captions and our preprocessing of the PNGs, through
 * the scorer, against OpenCLIP's normalised embeddings and cosines (fixture tolerances 2e-3 and 1.5e-3).
 */
class ClipScorerParityTest {

    static List<BufferedImage> images(String fixture) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        for (var e : Fixtures.inputs(fixture).getAsJsonArray("images")) {
            out.add(ImageIO.read(Fixtures.dir(fixture).resolve(e.getAsString()).toFile()));
        }
        return out;
    }

    static List<String> captions(String fixture) throws Exception {
        List<String> out = new ArrayList<>();
        JsonArray a = Fixtures.inputs(fixture).getAsJsonArray("captions");
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.QUICKGELU, Fixtures.GELU})
    void ownPreprocessingAndTokenizer_matchOpenClipEmbeddingsAndCosines(String fixture) throws Exception {
        try (ClipModel model = ClipModel.load(Fixtures.dir(fixture));
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(model)
                        .setTokenizer(ClipTokenizer.fromFile(Fixtures.bpe()))
                        .optBatchSize(3)
                        .build()) {
            List<BufferedImage> imgs = images(fixture);
            List<String> caps = captions(fixture);
            float[][] img = scorer.embedImages(imgs);
            float[][] txt = scorer.embedTexts(caps);
            double imgErr = Fixtures.maxAbsDiff(img, Fixtures.matrix(fixture, "expected.safetensors", "image_embeds"));
            double txtErr = Fixtures.maxAbsDiff(txt, Fixtures.matrix(fixture, "expected.safetensors", "text_embeds"));
            float[][] expectedCos = Fixtures.matrix(fixture, "expected.safetensors", "cosine");
            double cosErr = Fixtures.maxAbsDiff(scorer.similarity(imgs, caps), expectedCos);
            System.out.printf(
                    "%s from PNG + captions: image embeds %.2e, text embeds %.2e, cosine %.2e%n",
                    fixture, imgErr, txtErr, cosErr);
            assertTrue(imgErr <= 2e-3, "image embeddings off by " + imgErr);
            assertTrue(txtErr <= 1e-4, "text embeddings off by " + txtErr);
            assertTrue(cosErr <= 1.5e-3, "cosine off by " + cosErr);
            float[] pairs = scorer.score(imgs, caps);
            for (int i = 0; i < pairs.length; i++) {
                assertEquals(expectedCos[i][i], pairs[i], 1.5e-3);
            }
        }
    }
}
