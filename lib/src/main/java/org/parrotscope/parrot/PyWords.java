package org.parrotscope.parrot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Python's {@code str.split()} (no argument) in Java: split on runs of whitespace as Python defines it, dropping
 * empty tokens. Algorithm 1 of the paper tokenises both the caption and the OCR text this way.
 *
 * <p>Java's {@code \s} matches ASCII whitespace only and {@link Character#isWhitespace} excludes no-break spaces,
 * so neither equals Python's rule. Python 3.11 treats exactly these 29 code points as whitespace (enumerated with
 * {@code chr(c).isspace()}): U+0009-U+000D, U+001C-U+001F, U+0020, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000. All are in the BMP, so scanning UTF-16 chars is exact.
 */
public final class PyWords {

    private PyWords() {}

    /**
     * Whether Python's {@code str.isspace()} is true for this character.
     *
     * @param c a UTF-16 char
     * @return true for the 29 Python whitespace code points
     */
    public static boolean isPythonSpace(char c) {
        if (c <= 0x20) {
            return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }

    /**
     * {@code text.split()}: the tokens in order, duplicates kept.
     *
     * @param text any text; null is treated as empty
     * @return the non-empty tokens
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int start = -1;
        for (int i = 0; i < n; i++) {
            if (isPythonSpace(text.charAt(i))) {
                if (start >= 0) {
                    out.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
    }

    /**
     * {@code set(text.split())}, in first-occurrence order (so outputs are deterministic).
     *
     * @param text any text
     * @return the distinct tokens, unmodifiable
     */
    public static Set<String> wordSet(String text) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(split(text)));
    }

    /**
     * The paper's {@code ocr_text}: the spotted words' texts joined by single spaces, as the pipeline feeds
     * Algorithm 1 (a spotted "word" that itself contains spaces thus yields several tokens).
     *
     * @param wordTexts the recognised texts, in OCR order
     * @return the joined text
     */
    public static String ocrText(List<String> wordTexts) {
        return String.join(" ", wordTexts);
    }
}
