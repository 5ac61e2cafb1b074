package org.parrotscope.parrot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Matches a caption against spotted text (paper Algorithm 1 and its two variants). Pure functions, no I/O;
 * immutable and thread-safe.
 *
 * <pre>{@code
 * CoEmbMatcher m = CoEmbMatcher.defaults();
 * m.match(Matching.EXACT, "Buy the best coffee", "BEST coffee").cotr();      // 0.25  ({coffee})
 * m.match(Matching.NORMALIZED, "Buy the best coffee", "BEST coffee").cotr(); // 0.5   ({best, coffee})
 * }</pre>
 */
public final class CoEmbMatcher {

    private static final CoEmbMatcher DEFAULTS = new CoEmbMatcher(FuzzyRule.DEFAULT);

    private final FuzzyRule fuzzy;

    private CoEmbMatcher(FuzzyRule fuzzy) {
        this.fuzzy = Objects.requireNonNull(fuzzy, "fuzzy");
    }

    /** @return a matcher with {@link FuzzyRule#DEFAULT} */
    public static CoEmbMatcher defaults() {
        return DEFAULTS;
    }

    /**
     * A matcher with another fuzzy rule.
     *
     * @param fuzzy the rule of the FUZZY matching
     * @return the matcher
     */
    public static CoEmbMatcher withFuzzyRule(FuzzyRule fuzzy) {
        return new CoEmbMatcher(fuzzy);
    }

    /** @return the rule of the FUZZY matching */
    public FuzzyRule fuzzyRule() {
        return fuzzy;
    }

    /**
     * Matches a caption with the spotted words of its image.
     *
     * @param matching how to compare words
     * @param caption the caption
     * @param spottedTexts the OCR words' texts; joined by spaces into {@code ocr_text} as in the paper's pipeline
     * @return the co-emerging text
     */
    public CoEmbText match(Matching matching, String caption, List<String> spottedTexts) {
        return match(matching, caption, PyWords.ocrText(spottedTexts));
    }

    /**
     * Matches a caption with an {@code ocr_text}.
     *
     * @param matching how to compare words
     * @param caption the caption
     * @param ocrText the spotted text, words separated by whitespace
     * @return the co-emerging text
     */
    public CoEmbText match(Matching matching, String caption, String ocrText) {
        return matchSets(matching, matching.wordSet(caption), matching.wordSet(ocrText));
    }

    /**
     * Matches two word sets that are already tokenised for {@code matching}.
     *
     * @param matching how to compare words
     * @param captionWords the caption's word set
     * @param ocrWords the spotted text's word set
     * @return the co-emerging text
     */
    public CoEmbText matchSets(Matching matching, Set<String> captionWords, Set<String> ocrWords) {
        Set<String> co = new LinkedHashSet<>();
        Set<String> matchedOcr = new LinkedHashSet<>();
        if (matching != Matching.FUZZY) {
            // Algorithm 1: co_emb_text = intersection(cap_words, ocr_words)
            for (String w : captionWords) {
                if (ocrWords.contains(w)) {
                    co.add(w);
                }
            }
            matchedOcr.addAll(co);
        } else {
            int[][] ocrCps =
                    ocrWords.stream().map(w -> w.codePoints().toArray()).toArray(int[][]::new);
            String[] ocrArr = ocrWords.toArray(new String[0]);
            for (String w : captionWords) {
                int[] cw = w.codePoints().toArray();
                for (int i = 0; i < ocrArr.length; i++) {
                    if (fuzzy.matches(cw, ocrCps[i])) {
                        co.add(w);
                        matchedOcr.add(ocrArr[i]);
                    }
                }
            }
            // keep matchedOcr in OCR order
            Set<String> ordered = new LinkedHashSet<>();
            for (String o : ocrArr) {
                if (matchedOcr.contains(o)) {
                    ordered.add(o);
                }
            }
            matchedOcr = ordered;
        }
        return new CoEmbText(matching, captionWords, ocrWords, co, matchedOcr);
    }
}
