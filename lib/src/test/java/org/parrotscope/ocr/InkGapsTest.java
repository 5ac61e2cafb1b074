package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InkGapsTest {

    /** A 100 x 20 light crop (200) with dark ink (20) in the given column ranges, on rows 5..14 (ink height 10). */
    private static byte[] crop(int[]... inkColumns) {
        int w = 100, h = 20;
        byte[] g = new byte[w * h];
        Arrays.fill(g, (byte) 200);
        for (int[] r : inkColumns) {
            for (int y = 5; y < 15; y++) {
                for (int x = r[0]; x <= r[1]; x++) {
                    g[y * w + x] = 20;
                }
            }
        }
        return g;
    }

    @Test
    void find_gapWiderThanRatioTimesInkHeight_isAWordGap() {
        // ink 10..39 and 45..59 (gap of 5 columns = 0.5 x ink height) and 61..90 (gap of 1 column: letter spacing)
        List<double[]> gaps =
                InkGaps.find(crop(new int[] {10, 39}, new int[] {45, 59}, new int[] {61, 90}), 100, 20, 0.3);
        assertEquals(1, gaps.size());
        assertArrayEquals(new double[] {0.40, 0.45}, gaps.get(0), 1e-12);
    }

    @Test
    void find_lightInkOnDarkBackground_findsTheSameGap() {
        byte[] g = crop(new int[] {10, 39}, new int[] {45, 59});
        for (int i = 0; i < g.length; i++) {
            g[i] = (byte) (255 - (g[i] & 0xff));
        }
        List<double[]> gaps = InkGaps.find(g, 100, 20, 0.3);
        assertEquals(1, gaps.size());
        assertArrayEquals(new double[] {0.40, 0.45}, gaps.get(0), 1e-12);
    }

    @Test
    void find_marginsAndZeroRatio_giveNoGaps() {
        // blank columns before the first and after the last ink are margins, not gaps
        assertEquals(0, InkGaps.find(crop(new int[] {30, 60}), 100, 20, 0.3).size());
        assertEquals(
                0,
                InkGaps.find(crop(new int[] {10, 39}, new int[] {45, 59}), 100, 20, 0)
                        .size());
    }

    @Test
    void otsu_twoLevels_splitsBetweenThem() {
        byte[] g = crop(new int[] {10, 39});
        int t = InkGaps.otsu(g);
        // two grey levels 20 and 200: any threshold in [20, 200) separates them
        assertEquals(true, t >= 20 && t < 200, "threshold " + t);
    }
}
