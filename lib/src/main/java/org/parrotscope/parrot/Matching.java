package org.parrotscope.parrot;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How caption words and spotted words are compared. All three are reported side by side, labelled. */
public enum Matching {
    /** Algorithm 1 verbatim: Python {@code split()} tokens, case-sensitive exact equality. */
    EXACT("exact"),
    /** Tokens of {@link NormalizedWords} (NFKC, case-folded, surrounding punctuation stripped), exact equality. */
    NORMALIZED("normalized"),
    /** Normalised tokens, equal within a Levenshtein budget ({@link FuzzyRule}). */
    FUZZY("fuzzy");

    private final String label;

    Matching(String label) {
        this.label = label;
    }

    /** @return the lower-case label used in tables, CSV and JSON ({@code exact}, {@code normalized}, {@code fuzzy}) */
    public String label() {
        return label;
    }

    /**
     * The tokens of a text under this matching, in order, duplicates kept.
     *
     * @param text a caption or an {@code ocr_text}
     * @return the tokens
     */
    public List<String> tokens(String text) {
        return this == EXACT ? PyWords.split(text) : NormalizedWords.split(text);
    }

    /**
     * The word set of a text under this matching ({@code set(text.split())} for EXACT).
     *
     * @param text a caption or an {@code ocr_text}
     * @return the distinct tokens in first-occurrence order, unmodifiable
     */
    public Set<String> wordSet(String text) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(tokens(text)));
    }

    /**
     * Finds a matching by label.
     *
     * @param label {@code exact}, {@code normalized} or {@code fuzzy}
     * @return the matching
     * @throws IllegalArgumentException for another label
     */
    public static Matching ofLabel(String label) {
        for (Matching m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown matching '" + label + "' (exact, normalized, fuzzy)");
    }
}
