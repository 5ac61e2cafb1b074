package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordTokenizerTest {

    @Test
    void build_ordersByCountThenAlphabet_endTokenLargest() {
        WordTokenizer t = WordTokenizer.build(List.of("A red Cat.", "a blue cat", "the cat, a dog"), 2, 6);
        // counts: a=3, cat=3, others 1 -> only a and cat kept (minCount 2), ties alphabetical
        assertEquals(List.of("<pad>", "<unk>", "a", "cat", "<start_of_text>", "<end_of_text>"), t.tokens());
        // "a red cat" -> sot, a, unk, cat, eot, pad
        assertArrayEquals(new long[] {4, 2, 1, 3, 5, 0}, t.encode("a red cat"));
    }

    @Test
    void encode_truncatesKeepingEndTokenLast() {
        WordTokenizer t = WordTokenizer.build(List.of("x y"), 1, 4);
        assertArrayEquals(new long[] {4, 2, 3, 5}, t.encode("x y x y x"));
    }

    @Test
    void saveLoad_roundTrips(@TempDir Path dir) throws Exception {
        WordTokenizer t = WordTokenizer.build(List.of("red circle", "blue square"), 1, 8);
        t.save(dir);
        WordTokenizer back = WordTokenizer.load(dir.resolve(WordTokenizer.FILE));
        assertEquals(t.tokens(), back.tokens());
        assertArrayEquals(t.encode("blue circle"), back.encode("blue circle"));
        // a saved word vocabulary given to training (--vocab) is read as such, with its own context length,
        // whether the file or its folder is named
        for (Path given : List.of(dir.resolve(WordTokenizer.FILE), dir)) {
            Tokenizer shared = Tokenizers.open(given, 77);
            assertEquals(8, shared.contextLength());
            assertArrayEquals(t.encode("red square"), shared.encode("red square"));
        }
    }

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
