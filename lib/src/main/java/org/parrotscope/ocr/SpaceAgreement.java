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
        if (!a.toString().equals(alnum(a.toString())) || b.isEmpty()) {
            return null; // PP-OCR read punctuation: lengths would not line up, leave the line to the other rules
        }
        tess = tess.stream()
                .filter(w -> !alnum(w.text()).isEmpty())
                .map(w -> new LineWord(alnum(w.text()), w.confidence(), w.lo(), w.hi()))
                .toList();
        b.setLength(0);
        tess.forEach(w -> b.append(w.text()));
        if (a.length() == 0
                || tess.size() < 2
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

    /** Least Tesseract confidence of an anchor word. */
    static final float ANCHOR_CONFIDENCE = 0.9f;

    /** Fewest letters of an anchor word, and of what remains when it is split off. */
    static final int ANCHOR_LETTERS = 3;

    /**
     * Splits a confidently read Tesseract word off the start or end of a longer PP-OCR word that runs it together
     * with another ({@code HOMEMOON} and Tesseract's {@code MOON}): Tesseract only reads a word on its own when it
     * sees a space before or after it. Applied until nothing changes, so {@code LondonStylePlusFrosty} loses
     * {@code Frosty}, then {@code Plus}.
     *
     * @param words the line's words after the other rules, left to right
     * @param tess Tesseract's words of the same crop
     * @return the words, with anchors split off
     */
    static List<LineWord> anchor(List<LineWord> words, List<LineWord> tess) {
        List<String> anchors = tess.stream()
                .filter(w -> w.confidence() >= ANCHOR_CONFIDENCE)
                .map(w -> alnum(w.text()).toLowerCase(Locale.ROOT))
                .filter(t -> t.length() >= ANCHOR_LETTERS)
                .toList();
        if (anchors.isEmpty()) {
            return words;
        }
        List<LineWord> out = new ArrayList<>();
        java.util.ArrayDeque<LineWord> todo = new java.util.ArrayDeque<>(words);
        while (!todo.isEmpty()) {
            LineWord w = todo.pollFirst();
            String t = w.text();
            String low = t.toLowerCase(Locale.ROOT);
            boolean split = false;
            if (t.equals(alnum(t)) && t.length() == low.length()) {
                for (String an : anchors) {
                    int rest = t.length() - an.length();
                    if (rest < ANCHOR_LETTERS - 1 || low.equals(an)) {
                        continue;
                    }
                    double cut;
                    if (low.endsWith(an)) {
                        cut = w.lo() + (w.hi() - w.lo()) * rest / t.length();
                        todo.addFirst(new LineWord(t.substring(rest), w.confidence(), cut, w.hi()));
                        todo.addFirst(new LineWord(t.substring(0, rest), w.confidence(), w.lo(), cut));
                        split = true;
                        break;
                    }
                    if (low.startsWith(an)) {
                        cut = w.lo() + (w.hi() - w.lo()) * an.length() / t.length();
                        todo.addFirst(new LineWord(t.substring(an.length()), w.confidence(), cut, w.hi()));
                        todo.addFirst(new LineWord(t.substring(0, an.length()), w.confidence(), w.lo(), cut));
                        split = true;
                        break;
                    }
                }
            }
            if (!split) {
                out.add(w);
            }
        }
        return out;
    }

    /** The letters and digits of a text. */
    static String alnum(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }
}
