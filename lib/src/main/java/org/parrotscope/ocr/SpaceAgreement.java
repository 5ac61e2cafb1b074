package org.parrotscope.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes the word breaks of a line from Tesseract when both recognisers read the same letters. PP-OCRv4's
 * Chinese-dictionary recogniser drops the spaces between Latin words ({@code RESTAURANTFUN}); where the ink
 * shows no blank column between the words (a texture or strokes behind the text, tight small print) the ink-gap
 * rule cannot restore them. Tesseract's English model keeps the spaces. When Tesseract's words, joined, spell
 * exactly PP-OCR's line without its spaces (ignoring case), two independent readers agree on every letter, so
 * Tesseract's breaks are taken whatever its confidence: the line is cut into words of Tesseract's lengths, with
 * PP-OCR's characters (PP-OCR reads the letters better, Tesseract the spaces) and Tesseract's word extents.
 */
final class SpaceAgreement {

    private SpaceAgreement() {}

    /**
     * @param chars PP-OCR's decoded characters of the line
     * @param tess Tesseract's words of the same crop, left to right
     * @return the line's words, or null when the readers disagree on the letters or Tesseract adds no break
     */
    static List<LineWord> split(List<CtcDecoder.Emitted> chars, List<LineWord> tess) {
        if (tess.size() < 2) {
            return null;
        }
        List<CtcDecoder.Emitted> letters = new ArrayList<>();
        int ppocrWords = 1;
        for (CtcDecoder.Emitted c : chars) {
            if (c.isSpace() || c.text().isBlank()) {
                ppocrWords += letters.isEmpty() ? 0 : 1;
            } else {
                letters.add(c);
            }
        }
        StringBuilder a = new StringBuilder();
        letters.forEach(c -> a.append(c.text()));
        StringBuilder b = new StringBuilder();
        tess.forEach(w -> b.append(w.text()));
        if (a.length() == 0
                || tess.size() <= ppocrWords
                || !a.toString().toLowerCase(Locale.ROOT).equals(b.toString().toLowerCase(Locale.ROOT))) {
            return null;
        }
        List<LineWord> out = new ArrayList<>();
        int at = 0; // UTF-16 offset into a, walked letter by letter
        int k = 0;
        for (LineWord w : tess) {
            StringBuilder text = new StringBuilder();
            double conf = 0;
            int n = 0;
            while (text.length() < w.text().length() && k < letters.size()) {
                CtcDecoder.Emitted c = letters.get(k++);
                text.append(c.text());
                conf += c.prob();
                n++;
            }
            at += text.length();
            if (n == 0 || text.length() != w.text().length()) {
                return null; // a multi-unit character straddles Tesseract's break: do not guess
            }
            out.add(new LineWord(text.toString(), (float) Math.min(1, conf / n), w.lo(), w.hi()));
        }
        return at == a.length() ? out : null;
    }
}
