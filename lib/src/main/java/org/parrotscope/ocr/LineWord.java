package org.parrotscope.ocr;

/**
 * A word read on a text line, located along the line: {@code lo} and {@code hi} are the fractions of the
 * line's length where its ink starts and ends ({@link LineSplitter#subQuad} turns them into a quad).
 *
 * @param text the word, non-blank
 * @param confidence the recogniser's confidence in [0, 1]
 * @param lo start fraction in [0, 1]
 * @param hi end fraction in [lo, 1]
 */
record LineWord(String text, float confidence, double lo, double hi) {

    /** Validates the fields. */
    LineWord {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a line word must not be blank");
        }
        if (!(confidence >= 0f && confidence <= 1f)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        if (!(lo >= 0 && lo <= hi && hi <= 1)) {
            throw new IllegalArgumentException("need 0 <= lo <= hi <= 1: " + lo + ", " + hi + " for '" + text + "'");
        }
    }
}
