package org.parrotscope.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.SpottedWord;
import org.parrotscope.parrot.ImageText;
import org.parrotscope.parrot.Matching;
import org.parrotscope.parrot.ParrotStats;
import org.parrotscope.parrot.ParrotStatsBuilder;
import org.parrotscope.parrot.StatsConfig;
import tech.tablesaw.api.Table;

class AblationFiguresTest {

    private static final double NAN = Double.NaN;

    @Test
    void scoreByCoArea_binsParrotImagesByTheirCoEmbTextArea() {
        // 100 x 100 images; "SALE" is in each caption. Box areas 5% (a), 5% (b), 30% (c); d has text but no Co text.
        ParrotStatsBuilder b = new ParrotStatsBuilder(
                StatsConfig.builder().optAreaBinEdges(0, 0.1, 1).build());
        b.add(new ImageText("a", "SALE now", 100, 100, List.of(word("SALE", 50, 10))));
        b.add(new ImageText("b", "big SALE", 100, 100, List.of(word("SALE", 25, 20))));
        b.add(new ImageText("c", "SALE", 100, 100, List.of(word("SALE", 60, 50))));
        b.add(new ImageText("d", "a cup", 100, 100, List.of(word("OPEN", 10, 10))));
        ParrotStats stats = b.build();
        List<AblationRow> rows = List.of(
                new AblationRow("a", "s", true, 0.30, 0.20, 0.22, 0.29, 0.29),
                new AblationRow("b", "s", true, 0.34, 0.24, 0.26, 0.33, 0.33),
                new AblationRow("c", "s", true, 0.40, 0.10, 0.12, 0.39, 0.39),
                new AblationRow("d", "s", true, 0.50, 0.45, NAN, 0.49, NAN));
        Table t = AblationFigures.scoreByCoArea(
                rows,
                stats.images(),
                Matching.EXACT,
                StatsConfig.builder().optAreaBinEdges(0, 0.1, 1).build());
        assertEquals(List.of("[0.0,0.1)", "[0.1,1.0]"), t.stringColumn("bin").asList());
        assertEquals(List.of(2, 1), t.intColumn("images").asList());
        assertEquals(0.32, t.doubleColumn("mean_raw").get(0), 1e-12);
        assertEquals(Math.sqrt(0.0008), t.doubleColumn("std_raw").get(0), 1e-12); // (0.02^2 * 2) / 1
        assertEquals(0.24, t.doubleColumn("mean_co_removed").get(0), 1e-12);
        assertEquals(0.40, t.doubleColumn("mean_raw").get(1), 1e-12);
    }

    @Test
    void perCluster_meansEachSetup_sortedByTheRawScoreWithText() {
        List<AblationRow> rows = List.of(
                new AblationRow("a", "s", false, 0.30, NAN, NAN, NAN, NAN),
                new AblationRow("b", "s", true, 0.36, 0.30, 0.32, 0.35, 0.35),
                new AblationRow("c", "s", true, 0.40, 0.20, NAN, 0.39, NAN),
                new AblationRow("d", "s", true, 0.50, 0.40, 0.42, 0.49, 0.49),
                new AblationRow("e", "s", false, 0.10, NAN, NAN, NAN, NAN),
                new AblationRow("z", "s", false, 0.99, NAN, NAN, NAN, NAN));
        Map<String, String> clusters = Map.of("a", "0", "b", "0", "c", "0", "d", "1", "e", "2");
        Table t = AblationFigures.perCluster(rows, clusters);
        assertEquals(List.of("1", "0", "2"), t.stringColumn("cluster").asList(), "0.50 > 0.38, then no text");
        Table c0 = t.where(t.stringColumn("cluster").isEqualTo("0"));
        assertEquals(3, c0.intColumn("images").get(0));
        assertEquals(2, c0.intColumn("text_images").get(0));
        assertEquals(0.30, c0.doubleColumn("raw_no_text").get(0), 1e-12);
        assertEquals(0.38, c0.doubleColumn("raw_with_text").get(0), 1e-12);
        assertEquals(0.25, c0.doubleColumn("all_removed").get(0), 1e-12);
        assertEquals(0.32, c0.doubleColumn("co_removed").get(0), 1e-12);
        assertTrue(Double.isNaN(t.doubleColumn("raw_with_text").getDouble(2)));
        assertEquals(
                3,
                AblationFigures.markers("f", t, "cluster", "raw_no_text", "raw_with_text", "co_removed")
                                .asJavascript("d")
                                .split("var trace")
                                .length
                        - 1);
    }

    /** A word box of the given area share, as a square-ish box at the top-left. */
    private static SpottedWord word(String text, int w, int h) {
        return SpottedWord.ofBox(text, 0.9f, new Box(0, 0, w, h));
    }
}
