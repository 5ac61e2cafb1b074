package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.SpottedWord;
import tech.tablesaw.api.Table;

/** Five hand-made images whose Table 1 and figure tables are computed by hand from the paper's definitions. */
class ParrotStatsTest {

    private static SpottedWord w(String text, float x0, float y0, float x1, float y1) {
        return SpottedWord.ofBox(text, 0.9f, new Box(x0, y0, x1, y1));
    }

    private static List<ImageText> images() {
        List<ImageText> l = new ArrayList<>();
        // exact co {coffee} 1/4; normalised {best, coffee} 2/4; boxes 0.01 and 0.02 of the image
        l.add(new ImageText(
                "a", "Buy the best coffee", 100, 100, List.of(w("BEST", 0, 0, 10, 10), w("coffee", 0, 0, 20, 10))));
        // no text
        l.add(new ImageText("b", "a photo of a dog", 100, 100, List.of()));
        // text without overlap under every matching; boxes 0.01 and 0.1
        l.add(new ImageText("c", "SALE sale", 100, 100, List.of(w("50%", 0, 0, 10, 10), w("OFF", 0, 0, 50, 20))));
        // text, empty caption: CoTR 0; box 1 px = 0.0001
        l.add(new ImageText("d", "", 100, 100, List.of(w("hello", 0, 0, 1, 1))));
        // a spotted "word" with a space splits into two tokens: CoTR 1; boxes 0.5 and 0.01
        l.add(new ImageText(
                "e", "KEEP CALM", 100, 100, List.of(w("KEEP CALM", 0, 0, 100, 50), w("AND", 0, 50, 10, 60))));
        return l;
    }

    private static ParrotStats stats() {
        ParrotStatsBuilder b =
                new ParrotStatsBuilder(StatsConfig.builder().optTopK(3).build());
        images().forEach(b::add);
        return b.build();
    }

    @Test
    void table1_exact_matchesHandComputation() {
        Table1 t = stats().table1(Matching.EXACT);
        assertEquals(5, t.images());
        assertEquals(4, t.imagesWithText());
        assertEquals(2, t.imagesWithCoEmbText());
        assertEquals((0.25 + 1.0) / 5, t.coEmbRateTotal(), 1e-15);
        assertEquals((0.25 + 1.0) / 4, t.coEmbRateTextImages(), 1e-15);
        assertEquals(1, t.imagesWithEmptyCaption());
    }

    @Test
    void table1_normalizedAndFuzzy_countCaseInsensitiveMatches() {
        for (Matching m : List.of(Matching.NORMALIZED, Matching.FUZZY)) {
            Table1 t = stats().table1(m);
            assertEquals(2, t.imagesWithCoEmbText());
            assertEquals((0.5 + 1.0) / 5, t.coEmbRateTotal(), 1e-15);
            assertEquals((0.5 + 1.0) / 4, t.coEmbRateTextImages(), 1e-15);
        }
    }

    @Test
    void split_countsThreeCategories() {
        Table s = stats().split();
        Table exact = s.where(s.stringColumn(StatsColumns.MATCHING).isEqualTo("exact"));
        assertEquals(
                List.of(StatsColumns.NO_TEXT, StatsColumns.TEXT_NO_OVERLAP, StatsColumns.TEXT_OVERLAP),
                exact.stringColumn(StatsColumns.CATEGORY).asList());
        assertEquals(List.of(1L, 2L, 2L), exact.longColumn(StatsColumns.IMAGES).asList());
        assertEquals(0.4, exact.doubleColumn(StatsColumns.SHARE).getDouble(2), 1e-15);
    }

    @Test
    void cotrHistogram_binsTextImagesByTenths() {
        Table h = stats().cotrHistogram();
        Table exact = h.where(h.stringColumn(StatsColumns.MATCHING).isEqualTo("exact"));
        // text images: a 0.25 -> bin 2; c, d 0 -> bin 0; e 1.0 -> bin 9; plus the "=1.0" row
        assertEquals(
                List.of(2L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L),
                exact.longColumn(StatsColumns.IMAGES).asList());
        assertEquals("[0.9,1.0]", exact.stringColumn(StatsColumns.BIN).get(9));
        assertEquals("=1.0", exact.stringColumn(StatsColumns.BIN).get(10));
    }

    @Test
    void cotrHistogram_putsExactTenthsInTheirOwnBin() {
        ParrotStatsBuilder b = new ParrotStatsBuilder(StatsConfig.defaults());
        // CoTR 3/10: 0.3 in floating point is 0.29999..., the integer bin must still be [0.3,0.4)
        b.add(new ImageText("x", "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9", 10, 10, List.of(w("w0 w1 w2", 0, 0, 1, 1))));
        Table h = b.build().cotrHistogram();
        assertEquals(1L, h.longColumn(StatsColumns.IMAGES).get(3));
    }

    @Test
    void lengthVsCo_countsCaptionLengthByCoWords() {
        Table t = stats().lengthVsCo();
        // sorted (caption_words, co_words): (0,0) d, (2,0) c, (2,2) e, (4,1) a
        assertEquals(
                List.of(0, 2, 2, 4), t.intColumn(StatsColumns.CAPTION_WORDS).asList());
        assertEquals(List.of(0, 0, 2, 1), t.intColumn(StatsColumns.CO_WORDS).asList());
        assertEquals(4, t.rowCount());
        assertEquals(4.0, t.numberColumn(StatsColumns.IMAGES).sum(), 0.0);
    }

    @Test
    void wordAreaRates_giveParrotRatePerBoxSize() {
        Table t = stats().wordAreaRates();
        Table exact = t.where(t.stringColumn(StatsColumns.MATCHING).isEqualTo("exact"));
        // bins [0,.001) [.001,.002) [.002,.005) [.005,.01) [.01,.02) [.02,.05) [.05,.1) [.1,.2) [.2,.5) [.5,1]
        assertEquals(
                List.of(1L, 0L, 0L, 0L, 3L, 1L, 0L, 1L, 0L, 1L),
                exact.longColumn(StatsColumns.WORDS).asList());
        assertEquals(
                List.of(0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 1L),
                exact.longColumn(StatsColumns.WORDS_IN_CAPTION).asList());
        Table norm = t.where(t.stringColumn(StatsColumns.MATCHING).isEqualTo("normalized"));
        assertEquals(1.0 / 3.0, norm.doubleColumn(StatsColumns.PARROT_RATE).getDouble(4), 1e-15); // BEST now matches
        assertTrue(Double.isNaN(norm.doubleColumn(StatsColumns.PARROT_RATE).getDouble(1)));
    }

    @Test
    void coArea_sumsCoEmergingBoxesPerImage() {
        ParrotStats s = stats();
        Table img = s.images();
        assertEquals(0.02, img.doubleColumn("co_area_ratio_exact").getDouble(0), 1e-12);
        assertEquals(0.03, img.doubleColumn("co_area_ratio_normalized").getDouble(0), 1e-12);
        assertEquals(0.03, img.doubleColumn(StatsColumns.TEXT_AREA_RATIO).getDouble(0), 1e-12);
        Table h = s.coAreaHistogram();
        Table exact = h.where(h.stringColumn(StatsColumns.MATCHING).isEqualTo("exact"));
        assertEquals(
                List.of(0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 1L),
                exact.longColumn(StatsColumns.IMAGES).asList());
    }

    @Test
    void areaRatio_clipsBoxesToTheImage() {
        ImageText it = new ImageText("k", "x", 10, 10, List.of());
        assertEquals(0.25, it.areaRatio(w("t", 5, 5, 20, 20)), 1e-15);
        assertTrue(Double.isNaN(new ImageText("k", "x", 0, 0, List.of()).areaRatio(w("t", 0, 0, 1, 1))));
    }

    @Test
    void ngrams_countCaptionGramsAndCoEmergingWords() {
        ParrotStats s = stats();
        assertEquals("a", s.captionUnigrams().stringColumn(StatsColumns.GRAM).get(0));
        assertEquals(2L, s.captionUnigrams().longColumn(StatsColumns.COUNT).get(0));
        assertEquals(3, s.captionUnigrams().rowCount()); // top-K = 3
        // all 2-grams occur once: ties sorted by text in code-unit order (upper case before lower case)
        assertEquals(
                List.of("Buy the", "KEEP CALM", "SALE sale"),
                s.captionBigrams().stringColumn(StatsColumns.GRAM).asList());
        assertEquals(
                List.of("CALM", "KEEP", "coffee"),
                s.coEmbUnigrams().stringColumn(StatsColumns.GRAM).asList());
    }

    @Test
    void statsTables_doNotModifyTheCallersTable() {
        Table img = stats().images();
        int rows = img.rowCount();
        int cols = img.columnCount();
        StatsTables.cotrHistogram(img);
        StatsTables.lengthVsCo(img, Matching.FUZZY);
        StatsTables.coAreaHistogram(img, StatsConfig.defaults());
        StatsTables.split(img);
        assertEquals(rows, img.rowCount());
        assertEquals(cols, img.columnCount());
    }

    @Test
    void build_withoutImages_givesNaNRates() {
        ParrotStats s = new ParrotStatsBuilder(StatsConfig.defaults()).build();
        assertEquals(0, s.table1(Matching.EXACT).images());
        assertTrue(Double.isNaN(s.table1(Matching.EXACT).coEmbRateTotal()));
    }
}
