package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LevenshteinTest {

    @Test
    void distance_matchesHandComputedCases() {
        assertEquals(3, Levenshtein.distance("kitten", "sitting")); // k->s, e->i, +g
        assertEquals(1, Levenshtein.distance("cofee", "coffee"));
        assertEquals(0, Levenshtein.distance("", ""));
        assertEquals(4, Levenshtein.distance("", "abcd"));
        assertEquals(2, Levenshtein.distance("flaw", "lawn"));
        // code points, not UTF-16 units: one emoji substitution is one edit
        assertEquals(1, Levenshtein.distance("a\uD83D\uDE00b", "axb"));
    }

    @Test
    void distance_withLimit_returnsLimitPlusOneWhenExceeded() {
        assertEquals(
                2,
                Levenshtein.distance(
                        "kitten".codePoints().toArray(), "sitting".codePoints().toArray(), 1));
        assertEquals(
                3,
                Levenshtein.distance(
                        "kitten".codePoints().toArray(), "sitting".codePoints().toArray(), 3));
    }

    @Test
    void fuzzyRule_allowsOneEditPerFiveLettersAndExactShortWords() {
        FuzzyRule r = FuzzyRule.DEFAULT;
        assertEquals(0, r.allowedEdits(4, 4));
        assertEquals(0, r.allowedEdits(4, 5)); // "sale" vs "sales": short word must be exact
        assertEquals(1, r.allowedEdits(5, 6));
        assertEquals(1, r.allowedEdits(9, 9));
        assertEquals(2, r.allowedEdits(10, 10));
        assertEquals(3, r.allowedEdits(15, 15));
        assertTrue(r.matches(cp("cofee"), cp("coffee")));
        assertFalse(r.matches(cp("best"), cp("beat")));
        assertFalse(r.matches(cp("sale"), cp("sales")));
        assertTrue(r.matches(cp("christmas"), cp("chrlstmas")));
        assertFalse(r.matches(cp("christmas"), cp("chrlstmos")));
    }

    private static int[] cp(String s) {
        return s.codePoints().toArray();
    }
}
