package org.parrotscope.data.synth;

/**
 * One word rendered into a mini-LAION image with the axis-aligned box of its (rotated) ink, in image pixels:
 * {@code [x0, y0, x1, y1]} with the left/top edges inclusive and the right/bottom edges exclusive, so the word's
 * pixels are the columns {@code x0 <= x < x1} and rows {@code y0 <= y < y1}.
 *
 * @param text the word exactly as printed (one token, case as rendered)
 * @param x0 left edge
 * @param y0 top edge
 * @param x1 right edge, exclusive
 * @param y1 bottom edge, exclusive
 */
public record WordBox(String text, int x0, int y0, int x1, int y1) {

    /** Validates the box. */
    public WordBox {
        if (text == null || text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a word box needs a single non-empty token, got '" + text + "'");
        }
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException(
                    "empty box for '" + text + "': [" + x0 + "," + y0 + "," + x1 + "," + y1 + "]");
        }
    }

    /** @return the box area in pixels */
    public long area() {
        return (long) (x1 - x0) * (y1 - y0);
    }
}
