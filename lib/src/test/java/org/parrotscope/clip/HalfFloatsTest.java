package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed IEEE half and bfloat16 encodings (ties go to the even mantissa). */
class HalfFloatsTest {

    @Test
    void floatToHalf_roundsHalfEvenAndSaturatesToInfinity() {
        assertEquals(0x3c00, HalfFloats.floatToHalf(1f));
        assertEquals(0x3c00, HalfFloats.floatToHalf(1 + 0x1p-11f)); // tie between mantissa 0 and 1 -> 0
        assertEquals(0x3c02, HalfFloats.floatToHalf(1 + 3 * 0x1p-11f)); // tie between 1 and 2 -> 2
        assertEquals(0x3c01, HalfFloats.floatToHalf(1 + 0x1p-11f + 0x1p-20f)); // above the tie -> up
        assertEquals(0x7bff, HalfFloats.floatToHalf(65504f)); // largest half
        assertEquals(0x7bff, HalfFloats.floatToHalf(65519.996f));
        assertEquals(0x7c00, HalfFloats.floatToHalf(65520f));
        assertEquals(0xfc00, HalfFloats.floatToHalf(Float.NEGATIVE_INFINITY));
        assertEquals(0x0001, HalfFloats.floatToHalf(0x1p-24f)); // smallest subnormal
        assertEquals(0x0000, HalfFloats.floatToHalf(0x1p-25f)); // tie with 0 -> 0
        assertEquals(0x0002, HalfFloats.floatToHalf(3 * 0x1p-25f)); // tie between 1 and 2 -> 2
        assertEquals(0x0400, HalfFloats.floatToHalf(0x1p-14f - 0x1p-26f)); // rounds up into the smallest normal
        assertEquals(0x8000, HalfFloats.floatToHalf(-0f));
        assertEquals(0xc000, HalfFloats.floatToHalf(-2f));
        assertTrue(Float.isNaN(HalfFloats.halfToFloat(HalfFloats.floatToHalf(Float.NaN))));
    }

    @Test
    void halfToFloat_decodesNormalsSubnormalsAndSpecials() {
        assertEquals(1f, HalfFloats.halfToFloat(0x3c00));
        assertEquals(-2f, HalfFloats.halfToFloat(0xc000));
        assertEquals(65504f, HalfFloats.halfToFloat(0x7bff));
        assertEquals(0x1p-24f, HalfFloats.halfToFloat(0x0001));
        assertEquals(0x3ffp-24f, HalfFloats.halfToFloat(0x03ff));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloats.halfToFloat(0x7c00));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(HalfFloats.halfToFloat(0x8000)));
        assertTrue(Float.isNaN(HalfFloats.halfToFloat(0x7e00)));
        for (int h = 0; h < 0x10000; h++) { // every finite half survives a round trip
            if ((h & 0x7c00) != 0x7c00) {
                assertEquals(h, HalfFloats.floatToHalf(HalfFloats.halfToFloat(h)), Integer.toHexString(h));
            }
        }
    }

    @Test
    void floatToBf16_roundsHalfEven() {
        assertEquals(0x3f80, HalfFloats.floatToBf16(1f));
        assertEquals(0x3f80, HalfFloats.floatToBf16(1 + 0x1p-8f)); // tie -> even mantissa 0
        assertEquals(0x3f82, HalfFloats.floatToBf16(1 + 3 * 0x1p-8f)); // tie between 1 and 2 -> 2
        assertEquals(0x3f81, HalfFloats.floatToBf16(1 + 0x1p-8f + 0x1p-20f));
        assertEquals(0x7f80, HalfFloats.floatToBf16(Float.MAX_VALUE)); // rounds to infinity
        assertEquals(0xbf80, HalfFloats.floatToBf16(-1f));
        assertEquals(1f + 0x1p-7f, HalfFloats.bf16ToFloat(0x3f81));
        assertTrue(Float.isNaN(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(Float.NaN))));
    }
}
