package org.parrotscope.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parrotscope.clip.ClipMath;

/** Metrics on hand-computed similarity matrices. */
class MetricsTest {

    @Test
    void retrieval_threeByThree_r1IsTwoThirds() {
        // image 2's own caption (0.5) is beaten by caption 0 (0.9): i2t R@1 = 2/3.
        // column 0: image 2 (0.9) beats image 0 (0.8): t2i R@1 = 2/3 as well.
        float[][] sim = {{0.8f, 0.1f, 0.2f}, {0.3f, 0.7f, 0.1f}, {0.9f, 0.0f, 0.5f}};
        RetrievalResult r = RetrievalResult.of(sim);
        assertEquals(2.0 / 3, r.i2tR1(), 1e-12);
        assertEquals(2.0 / 3, r.t2iR1(), 1e-12);
        assertEquals(1.0, r.i2tR5(), 1e-12);
        assertEquals(1.0, r.t2iR10(), 1e-12);
    }

    @Test
    void retrieval_directionsDiffer_whenOneTextAttractsAllImages() {
        // text 0 scores highest for every image: i2t hits only image 0; t2i: each text's best image is its own.
        float[][] sim = {{0.9f, 0.1f, 0.1f}, {0.8f, 0.5f, 0.1f}, {0.7f, 0.2f, 0.3f}};
        RetrievalResult r = RetrievalResult.of(sim);
        assertEquals(1.0 / 3, r.i2tR1(), 1e-12);
        assertEquals(1.0, r.t2iR1(), 1e-12);
    }

    @Test
    void zeroShot_topKPerClassAndConfusion() {
        List<String> classes = List.of("a", "b", "c", "d", "e", "f");
        float[][] logits = {
            {9, 1, 0, 0, 0, 0}, // a -> a
            {5, 4, 3, 2, 1, 0}, // b -> a, truth rank 2
            {0, 1, 2, 3, 4, 5}, // a -> f, truth last (rank 6): not in top 5
            {0, 0, 0, 0, 0, 1}, // f -> f
        };
        ZeroShotResult r = ZeroShotResult.of(classes, logits, new int[] {0, 1, 0, 5});
        assertEquals(0.5, r.top1(), 1e-12);
        assertEquals(0.75, r.top5(), 1e-12);
        assertEquals(0.5, r.perClass()[0], 1e-12);
        assertEquals(0.0, r.perClass()[1], 1e-12);
        assertEquals(Double.NaN, r.perClass()[2]);
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 1}, r.confusion()[0]);
        assertEquals(1, r.confusion()[1][0]);
    }

    @Test
    void groupStats_populationStd() {
        GroupStats s = GroupStats.of(List.of(1.0, 2.0, 3.0, 4.0));
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), s.std(), 1e-12);
    }

    @Test
    void cosine_matrixOfKnownVectors() {
        float[][] s = ClipMath.cosineOfRows(new float[][] {{3, 4}}, new float[][] {{4, 3}, {0, 5}, {-3, -4}});
        assertArrayEquals(new float[] {24f / 25, 0.8f, -1f}, s[0], 1e-6f);
        // (1,2,2)/3 . (2,0,0)/2 = 1/3; a zero vector has cosine 0
        assertEquals(1.0 / 3, ClipMath.cosineOf(new float[] {1, 2, 2}, new float[] {2, 0, 0}), 1e-6);
        assertEquals(0.0, ClipMath.cosineOf(new float[] {0, 0, 0}, new float[] {2, 0, 0}), 0.0);
    }

    @Test
    void ngramVocabulary_countsContiguousWordSequences() {
        List<NGram> v = NGram.vocabulary(List.of("A red cat", "a red dog", "red cat!"), 2, 10);
        assertEquals(List.of(new NGram("a red", 2), new NGram("red cat", 2), new NGram("red dog", 1)), v);
    }

    @Test
    void frequencyBuckets_splitByRankIntoTerciles() {
        List<NGram> v = List.of(new NGram("a", 1), new NGram("b", 9), new NGram("c", 5));
        String[] b = SyncBenchmark.frequencyBuckets(v);
        assertArrayEquals(new String[] {"low (1-1)", "high (9-9)", "mid (5-5)"}, b);
    }
}
