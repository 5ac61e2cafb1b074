package org.parrotscope.parrot;

/**
 * When two normalised words count as the same word in the FUZZY matching: their Levenshtein distance is at most
 * {@code floor(maxEditRatio × max(|a|, |b|))} code points, and a pair in which either word is shorter than
 * {@code minLength} must be equal.
 *
 * <p><b>Why these defaults (0.2 and 5).</b> The paper uses "Levenshtein distance to calculate the fuzzing
 * similarity" for words the spotter "might miss or misspell" but gives no threshold (docs/PAPER.md Q3). We allow about
 * one error per five characters: 1 edit for 5-9 letters ("cofee" ~ "coffee", "chrlstmas" ~ "christmas"),
 * 2 for 10-14, 3 for 15-19. That is the error density of a scene-text recogniser's typical miss (one confused or
 * dropped glyph per word) and the same cut as the common "similarity ratio ≥ 80" rule of fuzzy string matching.
 * A pair involving a word of up to 4 letters must match exactly ("sale" never matches "sales"), because one edit
 * turns a short word into another real word ("the"/"she", "buy"/"bug", "best"/"beat") and short words are the
 * most frequent caption tokens, so allowing it would count coincidences as parroting. The known cost: 5+ letter
 * real-word pairs one edit apart ("house"/"horse") still match. Ratio 0.4 would let 5-letter words differ in two
 * letters ("paris"/"pairs"); 0.1 would only help from 10 letters up.
 *
 * <p>Measured on {@code data-samples/mini-laion} (500 samples; the co-emerging words found on engine OCR scored
 * against the oracle's normalised co-emerging words, word level, precision / recall): Tesseract, normalised
 * matching 0.914 / 0.302, this rule 0.922 / 0.336, ratio 0.3 0.925 / 0.349, ratio 0.4 0.924 / 0.408; ppocr,
 * normalised and this rule both 1.000 / 0.643, ratio 0.4 0.989 / 0.687 (its first false matches). So 0.2 gains
 * recall at no precision cost, and 0.4 starts to trade precision even on this small vocabulary.
 *
 * @param maxEditRatio the allowed edits per character of the longer word, in [0, 1)
 * @param minLength a pair in which either word is shorter than this must match exactly (&ge; 1)
 */
public record FuzzyRule(double maxEditRatio, int minLength) {

    /** The default rule: ratio 0.2, exact match below 5 code points. */
    public static final FuzzyRule DEFAULT = new FuzzyRule(0.2, 5);

    /** Validates the fields. */
    public FuzzyRule {
        if (!(maxEditRatio >= 0 && maxEditRatio < 1)) {
            throw new IllegalArgumentException("maxEditRatio must be in [0, 1): " + maxEditRatio);
        }
        if (minLength < 1) {
            throw new IllegalArgumentException("minLength must be >= 1: " + minLength);
        }
    }

    /**
     * The number of edits allowed between words of these lengths (code points).
     *
     * @param lengthA length of one word
     * @param lengthB length of the other
     * @return the edit budget, 0 for short words
     */
    public int allowedEdits(int lengthA, int lengthB) {
        if (Math.min(lengthA, lengthB) < minLength) {
            return 0;
        }
        int longer = Math.max(lengthA, lengthB);
        // 1e-9 guards products like 0.2 * 15 = 2.9999999999999996
        return (int) Math.floor(maxEditRatio * longer + 1e-9);
    }

    /**
     * Whether two words match under this rule.
     *
     * @param a a word as code points
     * @param b another word as code points
     * @return true when the edit distance is within the budget
     */
    public boolean matches(int[] a, int[] b) {
        int budget = allowedEdits(a.length, b.length);
        return Levenshtein.distance(a, b, budget) <= budget;
    }
}
