package org.parrotscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void wilson_halfOfHundred_matchesTheHandComputation() {
        // z = 1.96: centre (0.5 + 0.019208) / 1.038416 = 0.5; half 1.96 / 1.038416 * sqrt(0.0025 + 0.00009604)
        Interval i = Interval.wilson(0.5, 100);
        assertEquals(0.403832, i.low(), 1e-5);
        assertEquals(0.596168, i.high(), 1e-5);
    }

    @Test
    void wilson_zeroSuccesses_keepsAPositiveUpperBound() {
        // 0 of 10: centre = half = 0.19208 / 1.38416 = 0.138771 (the textbook 0 to 0.2775)
        Interval i = Interval.wilson(0, 10);
        assertEquals(0, i.low(), 1e-12);
        assertEquals(0.277540, i.high(), 1e-5);
    }

    @Test
    void wilson_lowRate_isAsymmetric() {
        // 2 of 100: centre (0.02 + 0.019208) / 1.038416 = 0.037757, half 1.887491 * sqrt(0.000196 + 0.00009604)
        Interval i = Interval.wilson(0.02, 100);
        assertEquals(0.005501, i.low(), 1e-5);
        assertEquals(0.070013, i.high(), 1e-5);
    }

    @Test
    void ofMean_isMeanPlusMinus196StandardErrors() {
        Interval i = Interval.ofMean(0.143, 0.239, 400); // 1.96 * 0.239 / 20 = 0.023422
        assertEquals(0.119578, i.low(), 1e-5);
        assertEquals(0.166422, i.high(), 1e-5);
    }

    @Test
    void overlaps_touchingCounts_disjointDoesNot() {
        assertTrue(new Interval(0, 1).overlaps(new Interval(1, 2)));
        assertTrue(new Interval(0, 3).overlaps(new Interval(1, 2)));
        assertFalse(new Interval(0, 1).overlaps(new Interval(1.01, 2)));
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Interval.wilson(1.2, 10));
        assertThrows(IllegalArgumentException.class, () -> Interval.wilson(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1));
    }
}
