package org.parrotscope.parrot;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokeniser of the NORMALIZED and FUZZY matchings. The paper leaves case, punctuation and Unicode forms open
 * (docs/PAPER.md Q2); this variant makes "Best" in a caption match "BEST," spotted on a poster.
 *
 * <p>Steps, in order, on the whole text:
 * <ol>
 *   <li>NFKC (compatibility forms: full-width letters, ligatures such as "ﬁ", superscripts become plain);</li>
 *   <li>case folding, as {@code toUpperCase(ROOT)} then {@code toLowerCase(ROOT)}: equals Python's
 *       {@code str.casefold()} for the cases that matter here ("ß" → "ss", final sigma "ς" → "σ"); Java has no
 *       full case-folding method, and this two-step mapping (plus final sigma → σ) is the usual substitute; NFKC is
 *       applied again after it;</li>
 *   <li>Python {@code str.split()} (see {@link PyWords});</li>
 *   <li>leading and trailing punctuation (Unicode general category P*) stripped from every token; inner
 *       punctuation stays ("don't", "e-mail", "3.5");</li>
 *   <li>tokens that became empty (a lone "-" or "!!!") dropped.</li>
 * </ol>
 * Symbols (category S*: "$", "®", "+") are kept, because they carry meaning ("$5", "C++").
 */
public final class NormalizedWords {

    private NormalizedWords() {}

    /**
     * Normalises a whole text and splits it into tokens (duplicates kept, in order).
     *
     * @param text any text; null is treated as empty
     * @return the normalised, non-empty tokens
     */
    public static List<String> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String tok : PyWords.split(fold(text))) {
            String t = stripPunctuation(tok);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * NFKC and case folding, without splitting.
     *
     * @param text the text
     * @return the folded text
     */
    public static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // Java lower-cases a word-final capital sigma to the final form; case folding always gives σ
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).replace('\u03c2', '\u03c3');
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /**
     * Removes leading and trailing Unicode punctuation (general category P*).
     *
     * @param token one token
     * @return the token without surrounding punctuation, possibly empty
     */
    public static String stripPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end) {
            int cp = token.codePointAt(start);
            if (!isPunctuation(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = token.codePointBefore(end);
            if (!isPunctuation(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return token.substring(start, end);
    }

    /**
     * Whether a code point is in a Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po).
     *
     * @param cp a code point
     * @return true for punctuation
     */
    public static boolean isPunctuation(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }
}
