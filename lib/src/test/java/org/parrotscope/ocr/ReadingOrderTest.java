package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingOrderTest {

    private static float[] at(float x, float y) {
        return new float[] {x, y, x + 20, y, x + 20, y + 10, x, y + 10};
    }

    @Test
    void sort_sameRowWithinTenPixels_goesLeftToRight() {
        float[] right = at(100, 50);
        float[] left = at(10, 55); // 5 px lower but further left: same row
        float[] below = at(0, 80);
        List<float[]> s = ReadingOrder.sort(List.of(below, left, right));
        assertEquals(List.of(left, right, below), s);
    }

    @Test
    void sort_rowsMoreThanTenPixelsApart_keepTopToBottom() {
        float[] upper = at(100, 50);
        float[] lower = at(10, 61);
        assertEquals(List.of(upper, lower), ReadingOrder.sort(List.of(lower, upper)));
    }
}
