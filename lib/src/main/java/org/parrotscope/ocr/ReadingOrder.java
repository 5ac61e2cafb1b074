package org.parrotscope.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders detected text lines top to bottom, then left to right, as PaddleOCR's {@code sorted_boxes}:
 * sort by the top-left corner's (y, x), then let a line move before its predecessor when their tops are
 * less than 10 px apart and it starts further left (same visual row).
 */
final class ReadingOrder {

    static final float SAME_ROW_PX = 10f;

    private ReadingOrder() {}

    /**
     * @param quads quads (8 coordinates, clockwise from the top-left)
     * @return a new list in reading order
     */
    static List<float[]> sort(List<float[]> quads) {
        List<float[]> b = new ArrayList<>(quads);
        b.sort(Comparator.<float[]>comparingDouble(q -> q[1]).thenComparingDouble(q -> q[0]));
        for (int i = 0; i < b.size() - 1; i++) {
            for (int j = i; j >= 0; j--) {
                float[] cur = b.get(j);
                float[] next = b.get(j + 1);
                if (Math.abs(next[1] - cur[1]) < SAME_ROW_PX && next[0] < cur[0]) {
                    b.set(j, next);
                    b.set(j + 1, cur);
                } else {
                    break;
                }
            }
        }
        return b;
    }
}
