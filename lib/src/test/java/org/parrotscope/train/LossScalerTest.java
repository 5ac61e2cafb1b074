package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GradScaler's rule, with expectations computed by hand. */
class LossScalerTest {

    @Test
    void defaults_areGradScalers() {
        LossScaler s = LossScaler.gradScaler();
        assertEquals(65536f, s.scale()); // 2^16
        for (int i = 0; i < 1999; i++) {
            assertTrue(s.update(true));
        }
        assertEquals(65536f, s.scale(), "not yet: 1,999 finite steps");
        assertTrue(s.update(true));
        assertEquals(131072f, s.scale(), "doubled at the 2,000th finite step");
        assertEquals(0, s.finiteSteps());
    }

    @Test
    void overflow_skipsTheStep_halvesTheScale_andRestartsTheCount() {
        LossScaler s = new LossScaler(1024f, 3);
        assertTrue(s.update(true));
        assertTrue(s.update(true)); // 2 finite steps counted
        assertFalse(s.update(false), "an overflow skips the step");
        assertEquals(512f, s.scale());
        assertEquals(0, s.finiteSteps());
        assertTrue(s.update(true));
        assertTrue(s.update(true));
        assertEquals(512f, s.scale(), "two finite steps after the overflow: no growth yet");
        assertTrue(s.update(true));
        assertEquals(1024f, s.scale(), "three in a row: doubled");
        assertFalse(s.update(false));
        assertFalse(s.update(false));
        assertEquals(256f, s.scale(), "1024 / 2 / 2");
    }

    @Test
    void restore_andBadValues() {
        LossScaler s = LossScaler.gradScaler();
        s.restore(8f, 1999);
        assertTrue(s.update(true));
        assertEquals(16f, s.scale());
        assertThrows(IllegalArgumentException.class, () -> s.restore(0f, 0));
        assertThrows(IllegalArgumentException.class, () -> new LossScaler(Float.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> new LossScaler(1f, 0));
    }
}
