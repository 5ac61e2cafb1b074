package org.parrotscope.ocr;

import java.util.Arrays;

/**
 * A quadrilateral in image pixels: four corners, clockwise from the top-left (top-left, top-right,
 * bottom-right, bottom-left), as {@code x0,y0, x1,y1, x2,y2, x3,y3}. Scene text is often rotated,
 * so engines report a quad as well as the enclosing {@link Box}.
 *
 * @param xy the 8 coordinates; copied, never exposed mutable
 */
public record Quad(float[] xy) {

    /** Validates the length and finiteness and copies the array. */
    public Quad {
        if (xy == null || xy.length != 8) {
            throw new IllegalArgumentException("a quad needs 8 coordinates, got " + (xy == null ? "null" : xy.length));
        }
        for (float v : xy) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("quad coordinates must be finite: " + Arrays.toString(xy));
            }
        }
        xy = xy.clone();
    }

    /** @return a copy of the 8 coordinates */
    @Override
    public float[] xy() {
        return xy.clone();
    }

    /**
     * @param i corner index 0..3 (clockwise from the top-left)
     * @return the corner's x
     */
    public float x(int i) {
        return xy[2 * i];
    }

    /**
     * @param i corner index 0..3 (clockwise from the top-left)
     * @return the corner's y
     */
    public float y(int i) {
        return xy[2 * i + 1];
    }

    /** @return the smallest axis-aligned box holding the four corners */
    public Box bounds() {
        float minX = Float.POSITIVE_INFINITY, minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY, maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            minX = Math.min(minX, x(i));
            maxX = Math.max(maxX, x(i));
            minY = Math.min(minY, y(i));
            maxY = Math.max(maxY, y(i));
        }
        return new Box(minX, minY, maxX, maxY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quad q && Arrays.equals(xy, q.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "Quad" + Arrays.toString(xy);
    }
}
