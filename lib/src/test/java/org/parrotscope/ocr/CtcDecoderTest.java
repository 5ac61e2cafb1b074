package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {

    // classes: 0 blank, 1 'a', 2 'b', 3 'c', 4 space
    private final CtcDecoder decoder = new CtcDecoder(List.of("a", "b", "c"));

    /** One time step per entry: the winning class gets probability p, the rest share 1 - p. */
    private static float[] steps(int[] winners, float[] p) {
        int classes = 5;
        float[] out = new float[winners.length * classes];
        for (int t = 0; t < winners.length; t++) {
            for (int k = 0; k < classes; k++) {
                out[t * classes + k] = (1 - p[t]) / (classes - 1);
            }
            out[t * classes + winners[t]] = p[t];
        }
        return out;
    }

    @Test
    void decode_collapsesRepeatsBeforeDroppingBlanks() {
        // a a blank a b b -> collapse: a blank a b -> drop blanks: "aab"
        float[] probs = steps(new int[] {1, 1, 0, 1, 2, 2}, new float[] {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.9f});
        CtcDecoder.Line line = decoder.decode(probs, 0, 6);
        assertEquals("aab", line.text());
        // per character: the probability at the first step of its run: 0.9, 0.6, 0.5
        assertEquals((0.9f + 0.6f + 0.5f) / 3, line.score(), 1e-6);
        // runs: a = steps 0..1 (centre 1.0), a = step 3 (3.5), b = steps 4..5 (5.0)
        assertEquals(1.0, line.chars().get(0).centreStep());
        assertEquals(3.5, line.chars().get(1).centreStep());
        assertEquals(5.0, line.chars().get(2).centreStep());
    }

    @Test
    void decode_lastClassIsSpace_andAllBlankIsEmptyWithScoreZero() {
        float[] probs = steps(new int[] {3, 4, 0, 3}, new float[] {0.9f, 0.9f, 0.9f, 0.9f});
        assertEquals("c c", decoder.decode(probs, 0, 4).text());
        CtcDecoder.Line empty = decoder.decode(steps(new int[] {0, 0, 0}, new float[] {0.9f, 0.9f, 0.9f}), 0, 3);
        assertEquals("", empty.text());
        assertEquals(0f, empty.score());
    }

    @Test
    void decode_secondBatchItem_readsItsOwnSlice() {
        float[] a = steps(new int[] {1, 0}, new float[] {0.9f, 0.9f});
        float[] b = steps(new int[] {2, 3}, new float[] {0.9f, 0.9f});
        float[] both = new float[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertEquals("bc", decoder.decode(both, 1, 2).text());
        assertEquals(5, decoder.classes());
    }
}
