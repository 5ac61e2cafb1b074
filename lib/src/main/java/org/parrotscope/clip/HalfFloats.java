package org.parrotscope.clip;

/**
 * Conversions between float32 and the 16-bit float formats of safetensors files: IEEE half (F16) and
 * bfloat16 (BF16). Narrowing rounds to nearest, ties to even, as PyTorch's {@code tensor.half()} and
 * {@code tensor.bfloat16()} do. ({@code Float.float16ToFloat} only exists from JDK 20.)
 */
public final class HalfFloats {

    /** All 65,536 halves widened, so bulk reads are a table lookup. */
    private static final float[] HALF_TABLE = new float[1 << 16];

    static {
        for (int h = 0; h < HALF_TABLE.length; h++) {
            HALF_TABLE[h] = decodeHalf(h);
        }
    }

    private HalfFloats() {}

    /**
     * Widens an IEEE half.
     *
     * @param h the 16 bits (upper bits ignored)
     * @return the exact float value
     */
    public static float halfToFloat(int h) {
        return HALF_TABLE[h & 0xffff];
    }

    private static float decodeHalf(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            // subnormal or zero: mant * 2^-24, exact in float
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /**
     * Narrows to an IEEE half, rounding to nearest even; values from 65520 up become infinity.
     *
     * @param f the value
     * @return the 16 bits in the low half of the int
     */
    public static int floatToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) {
            // infinity stays infinity; NaN keeps its top payload bits and stays a (quiet) NaN
            return abs == 0x7f800000 ? sign | 0x7c00 : sign | 0x7e00 | ((abs >>> 13) & 0x3ff);
        }
        if (abs >= 0x477ff000) {
            return sign | 0x7c00; // >= 65520 = halfway between 65504 and 2^16 rounds up to infinity
        }
        if (abs < 0x38800000) {
            // below 2^-14: subnormal half = v * 2^24 rounded half-even; scaling by 2^24 is exact in double.
            // A result of 0x400 is the smallest normal, which is also its correct encoding.
            return sign | (int) Math.rint(Float.intBitsToFloat(abs) * 16777216.0);
        }
        int r = abs - 0x38000000; // re-bias exponent 127 -> 15
        r += 0x0fff + ((r >>> 13) & 1); // round the 13 dropped bits half-even; a carry bumps the exponent
        return sign | (r >>> 13);
    }

    /**
     * Widens a bfloat16: its bits are the upper half of a float32.
     *
     * @param b the 16 bits (upper bits ignored)
     * @return the exact float value
     */
    public static float bf16ToFloat(int b) {
        return Float.intBitsToFloat((b & 0xffff) << 16);
    }

    /**
     * Narrows to bfloat16, rounding to nearest even; NaN stays a quiet NaN.
     *
     * @param f the value
     * @return the 16 bits in the low half of the int
     */
    public static int floatToBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7fffffff) > 0x7f800000) {
            return (bits >>> 16) | 0x40;
        }
        int rounded = bits + 0x7fff + ((bits >>> 16) & 1);
        return rounded >>> 16;
    }
}
