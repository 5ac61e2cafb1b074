package org.parrotscope.parrot;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The co-emerging ("Co-Emb.") text of one image-caption pair under one matching (paper Algorithm 1).
 *
 * @param matching how the words were compared
 * @param captionWords the caption's word set
 * @param ocrWords the spotted text's word set
 * @param coWords the co-emerging words: caption words that match a spotted word (the intersection for EXACT and
 *     NORMALIZED); a subset of {@code captionWords}
 * @param matchedOcrWords the spotted words that match a caption word (equal to {@code coWords} except for FUZZY)
 */
public record CoEmbText(
        Matching matching,
        Set<String> captionWords,
        Set<String> ocrWords,
        Set<String> coWords,
        Set<String> matchedOcrWords) {

    /** Validates and copies the sets (keeping their order). */
    public CoEmbText {
        Objects.requireNonNull(matching, "matching");
        captionWords = copy(captionWords);
        ocrWords = copy(ocrWords);
        coWords = copy(coWords);
        matchedOcrWords = copy(matchedOcrWords);
        if (!captionWords.containsAll(coWords)) {
            throw new IllegalArgumentException("co-emerging words must be caption words: " + coWords);
        }
        if (!ocrWords.containsAll(matchedOcrWords)) {
            throw new IllegalArgumentException("matched OCR words must be OCR words: " + matchedOcrWords);
        }
    }

    private static Set<String> copy(Set<String> s) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(s)));
    }

    /**
     * The Co-Emb. Text Rate: |co-emerging words| / |caption words| (Algorithm 1 divides by the caption word set,
     * not by the union, although the paper calls it an IoU). Zero when the OCR found nothing, and zero when the
     * caption has no words (the paper's division is undefined there; {@link #emptyCaption()} flags these pairs).
     *
     * @return CoTR in [0, 1]
     */
    public double cotr() {
        if (captionWords.isEmpty() || ocrWords.isEmpty()) {
            return 0.0;
        }
        return (double) coWords.size() / captionWords.size();
    }

    /** @return true when the caption shares at least one word with the spotted text (a parrot caption, CoTR &gt; 0) */
    public boolean parrot() {
        return !coWords.isEmpty();
    }

    /** @return true when the OCR found at least one word (an image "with embedded text") */
    public boolean hasText() {
        return !ocrWords.isEmpty();
    }

    /** @return true when the caption has no word under this matching, so CoTR is defined as 0 */
    public boolean emptyCaption() {
        return captionWords.isEmpty();
    }
}
