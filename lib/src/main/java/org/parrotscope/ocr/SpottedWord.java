package org.parrotscope.ocr;

import java.util.Objects;

/**
 * One word found in an image by a text-spotting engine.
 *
 * @param text the recognised text, non-blank (engines split recognised lines into words at spaces)
 * @param confidence the engine's confidence in [0, 1]
 * @param polygon the word's quadrilateral in image pixels
 * @param box the axis-aligned box in image pixels
 */
public record SpottedWord(String text, float confidence, Quad polygon, Box box) {

    /** Validates the fields. */
    public SpottedWord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(polygon, "polygon");
        Objects.requireNonNull(box, "box");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a spotted word must not be blank");
        }
        if (!(confidence >= 0f && confidence <= 1f)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence + " for '" + text + "'");
        }
    }

    /**
     * A word whose polygon is its box's corners (engines that only give boxes).
     *
     * @param text the text
     * @param confidence the confidence in [0, 1]
     * @param box the box
     * @return the word
     */
    public static SpottedWord ofBox(String text, float confidence, Box box) {
        return new SpottedWord(text, confidence, box.toQuad(), box);
    }
}
