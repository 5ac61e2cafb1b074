package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoEmbMatcherTest {

    private final CoEmbMatcher m = CoEmbMatcher.defaults();

    @Test
    void exact_isCaseSensitiveIntersection_dividedByCaptionWords() {
        CoEmbText t = m.match(Matching.EXACT, "Buy the best coffee", List.of("BEST", "coffee"));
        assertEquals(Set.of("coffee"), t.coWords());
        assertEquals(0.25, t.cotr(), 0.0);
        assertTrue(t.parrot());
    }

    @Test
    void normalized_matchesAcrossCase() {
        CoEmbText t = m.match(Matching.NORMALIZED, "Buy the best coffee", List.of("BEST", "coffee"));
        assertEquals(Set.of("best", "coffee"), t.coWords());
        assertEquals(0.5, t.cotr(), 0.0);
    }

    @Test
    void cotr_countsDuplicateCaptionWordsOnce() {
        // caption set {sale, big, today} (3 words); co = {sale}
        CoEmbText t = m.match(Matching.EXACT, "sale sale big sale today", "sale sale");
        assertEquals(3, t.captionWords().size());
        assertEquals(1.0 / 3.0, t.cotr(), 0.0);
    }

    @Test
    void exact_keepsPunctuation_normalizedStripsIt() {
        // exact: caption set {"Coffee,", "to", "go!"}, OCR {"Coffee", "go"}: no common token
        assertEquals(0.0, m.match(Matching.EXACT, "Coffee, to go!", "Coffee go").cotr(), 0.0);
        assertEquals(
                2.0 / 3.0,
                m.match(Matching.NORMALIZED, "Coffee, to go!", "Coffee go").cotr(),
                0.0);
        // a punctuation-only caption token disappears from the normalised denominator: {a, b}
        assertEquals(0.5, m.match(Matching.NORMALIZED, "a - b", "A").cotr(), 0.0);
        assertEquals(1.0 / 3.0, m.match(Matching.EXACT, "a - b", "a").cotr(), 0.0);
    }

    @Test
    void fuzzy_matchesMisspelledLongWordsButNotShortOnes() {
        CoEmbText t = m.match(Matching.FUZZY, "Buy the best coffee", List.of("cofee", "bcst"));
        assertEquals(Set.of("coffee"), t.coWords());
        assertEquals(Set.of("cofee"), t.matchedOcrWords());
        assertEquals(0.25, t.cotr(), 0.0);
        assertEquals(
                0.0,
                m.match(Matching.NORMALIZED, "Buy the best coffee", List.of("cofee", "bcst"))
                        .cotr(),
                0.0);
    }

    @Test
    void fuzzy_includesEveryNormalizedMatch() {
        String cap = "The QUICK brown fox, jumps";
        String ocr = "quick Brovvn fox jumps!";
        CoEmbText n = m.match(Matching.NORMALIZED, cap, ocr);
        CoEmbText f = m.match(Matching.FUZZY, cap, ocr);
        assertEquals(Set.of("quick", "fox", "jumps"), n.coWords());
        // "brown" vs "brovvn": w->vv is 2 edits, budget floor(0.2*6)=1 -> no
        assertEquals(Set.of("quick", "fox", "jumps"), f.coWords());
        assertTrue(f.coWords().containsAll(n.coWords()));
    }

    @Test
    void cotr_isZeroWithoutOcrText_andWithoutCaptionWords() {
        CoEmbText noText = m.match(Matching.EXACT, "a b", "");
        assertFalse(noText.hasText());
        assertEquals(0.0, noText.cotr(), 0.0);
        assertFalse(noText.parrot());
        CoEmbText noCaption = m.match(Matching.EXACT, "  ", "a");
        assertTrue(noCaption.emptyCaption());
        assertTrue(noCaption.hasText());
        assertEquals(0.0, noCaption.cotr(), 0.0);
    }

    @Test
    void cotr_isOneWhenEveryCaptionWordIsSpotted() {
        assertEquals(
                1.0,
                m.match(Matching.EXACT, "KEEP CALM", "KEEP CALM AND CARRY ON").cotr(),
                0.0);
    }
}
