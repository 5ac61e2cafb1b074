package org.parrotscope.ocr;

/**
 * An axis-aligned box in image pixels: left, top, right, bottom (x grows right, y grows down).
 *
 * @param x0 left edge
 * @param y0 top edge
 * @param x1 right edge, at least {@code x0}
 * @param y1 bottom edge, at least {@code y0}
 */
public record Box(float x0, float y0, float x1, float y1) {

    /** Validates that the coordinates are finite and ordered. */
    public Box {
        if (!(Float.isFinite(x0) && Float.isFinite(y0) && Float.isFinite(x1) && Float.isFinite(y1))) {
            throw new IllegalArgumentException(
                    "box coordinates must be finite: " + x0 + "," + y0 + "," + x1 + "," + y1);
        }
        if (x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException(
                    "box must have x0 <= x1 and y0 <= y1: " + x0 + "," + y0 + "," + x1 + "," + y1);
        }
    }

    /** @return {@code x1 - x0} */
    public float width() {
        return x1 - x0;
    }

    /** @return {@code y1 - y0} */
    public float height() {
        return y1 - y0;
    }

    /** @return the area in square pixels */
    public double area() {
        return (double) width() * height();
    }

    /**
     * The area shared with another box.
     *
     * @param o the other box
     * @return the intersection area, 0 when they do not overlap
     */
    public double intersectionArea(Box o) {
        double w = Math.min(x1, o.x1) - Math.max(x0, o.x0);
        double h = Math.min(y1, o.y1) - Math.max(y0, o.y0);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /**
     * Intersection over union.
     *
     * @param o the other box
     * @return IoU in [0, 1]; 0 when both are empty
     */
    public double iou(Box o) {
        double inter = intersectionArea(o);
        double union = area() + o.area() - inter;
        return union > 0 ? inter / union : 0;
    }

    /** @return this box's corners as a clockwise quadrilateral from the top-left */
    public Quad toQuad() {
        return new Quad(new float[] {x0, y0, x1, y0, x1, y1, x0, y1});
    }
}
