package org.parrotscope.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AblationEffectTest {

    private static final double NA = Double.NaN;

    @Test
    void pairedDifference_byHand() {
        // d = rand_all - all: 0.05, 0.03, 0.04 -> mean 0.04, sample std 0.01, SE 0.01 / sqrt(3)
        List<AblationRow> rows = List.of(
                new AblationRow("a", "s", true, 0.40, 0.30, NA, 0.35, NA),
                new AblationRow("b", "s", true, 0.40, 0.32, 0.31, 0.35, 0.36),
                new AblationRow("c", "s", true, 0.40, 0.31, NA, 0.35, NA),
                new AblationRow("d", "s", false, 0.20, NA, NA, NA, NA));
        AblationEffect all = AblationEffect.of(rows, Removal.ALL);
        assertEquals(3, all.n());
        assertEquals(0.31, all.meanRemoved(), 1e-12);
        assertEquals(0.35, all.meanRandom(), 1e-12);
        assertEquals(0.04, all.meanDifference(), 1e-12);
        assertEquals(0.01 / Math.sqrt(3), all.standardError(), 1e-12);
        assertTrue(all.visible(), "0.04 > 2 x 0.0058");
        assertTrue(all.describe().contains("difference 0.0400 ± 0.0058"), all.describe());

        AblationEffect co = AblationEffect.of(rows, Removal.CO);
        assertEquals(1, co.n());
        assertFalse(co.visible(), "one sample has no standard error");
    }

    @Test
    void noDifferenceBeyondNoise_isNotVisible() {
        // d = +0.02, -0.02: mean 0
        List<AblationRow> rows = List.of(
                new AblationRow("a", "s", true, 0.40, 0.30, NA, 0.32, NA),
                new AblationRow("b", "s", true, 0.40, 0.30, NA, 0.28, NA));
        AblationEffect e = AblationEffect.of(rows, Removal.ALL);
        assertEquals(0.0, e.meanDifference(), 1e-12);
        assertFalse(e.visible());
        assertTrue(e.describe().contains("no effect beyond the random baseline"), e.describe());
        assertEquals(0, AblationEffect.of(List.of(), Removal.CO).n());
    }
}
