package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.SpottedWord;
import tech.tablesaw.api.Table;

class CoEmbNGramsTest {

    private static SpottedWord w(String text) {
        return SpottedWord.ofBox(text, 0.9f, new Box(0, 0, 10, 10));
    }

    /** Three images whose co-emerging runs are worked out by hand in the tests. */
    private static ParrotStats stats() {
        ParrotStatsBuilder b = new ParrotStatsBuilder(StatsConfig.defaults());
        // run "BEST COFFEE" then "NOW" is not in the caption, then "BEST COFFEE" again: 2 x (BEST COFFEE)
        b.add(new ImageText(
                "a",
                "BEST COFFEE in town",
                100,
                100,
                List.of(w("BEST"), w("COFFEE"), w("NOW"), w("BEST"), w("COFFEE"))));
        // "BEST COFFEE SHOP": (BEST COFFEE), (COFFEE SHOP)
        b.add(new ImageText("b", "BEST COFFEE SHOP", 100, 100, List.of(w("BEST"), w("COFFEE"), w("SHOP"))));
        // lower case is not exact: "coffee" breaks no run because it is not co-emerging; no 2-gram
        b.add(new ImageText("c", "COFFEE", 100, 100, List.of(w("coffee"), w("COFFEE"))));
        return b.build();
    }

    @Test
    void bigrams_countRunsOfConsecutiveCoEmergingWords_perImage() {
        Table t = CoEmbNGrams.top(stats().words(), Matching.EXACT, 2, 10);
        assertEquals(
                List.of("BEST COFFEE", "COFFEE SHOP"),
                t.stringColumn(StatsColumns.GRAM).asList());
        assertEquals(List.of(3L, 1L), t.longColumn(StatsColumns.COUNT).asList());
        assertEquals(List.of(1, 2), t.intColumn("rank").asList());
    }

    @Test
    void bigrams_neverSpanTwoImages() {
        // image a ends on COFFEE and image b starts on BEST: "COFFEE BEST" must not appear
        Table t = CoEmbNGrams.top(stats().words(), Matching.EXACT, 2, 10);
        assertEquals(
                0,
                t.where(t.stringColumn(StatsColumns.GRAM).isEqualTo("COFFEE BEST"))
                        .rowCount());
    }

    @Test
    void unigrams_countEveryPrintedOccurrence_normalizedFoldsCase() {
        Table exact = CoEmbNGrams.top(stats().words(), Matching.EXACT, 1, 10);
        // COFFEE: 2 in a, 1 in b, 1 in c; BEST: 2 + 1; SHOP: 1
        assertEquals(
                List.of("COFFEE", "BEST", "SHOP"),
                exact.stringColumn(StatsColumns.GRAM).asList());
        assertEquals(List.of(4L, 3L, 1L), exact.longColumn(StatsColumns.COUNT).asList());
        Table norm = CoEmbNGrams.top(stats().words(), Matching.NORMALIZED, 2, 10);
        // normalised matching makes "coffee" co-emerging in c: the run "coffee COFFEE" is one more 2-gram
        assertEquals(
                List.of("BEST COFFEE", "COFFEE SHOP", "coffee COFFEE"),
                norm.stringColumn(StatsColumns.GRAM).asList());
    }

    @Test
    void topK_keepsTheMostFrequent() {
        Table t = CoEmbNGrams.top(stats().words(), Matching.EXACT, 2, 1);
        assertEquals(List.of("BEST COFFEE"), t.stringColumn(StatsColumns.GRAM).asList());
    }
}
