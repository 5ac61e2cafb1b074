package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The image-level table of {@code bench ocr --truth} on a hand-made truth and two engines' records; every expected
 * value is counted by hand in the comments.
 */
class SpottingBenchTest {

    private static final double EPS = 1e-9;

    /**
     * Four images. Truth parrots (caption shares a printed word): k1 under every matching (Fresh, Coffee); k2
     * under every matching (Tahoe); k3 under none ("stock" is 7 edits from "shutterstock", over the fuzzy
     * budget of 2); k4 prints nothing.
     */
    private static TruthImages truth() {
        Map<String, TruthImages.Image> m = new LinkedHashMap<>();
        m.put("k1", new TruthImages.Image("k1", "Fresh Coffee beans", List.of("Fresh", "Coffee"), "banner"));
        m.put("k2", new TruthImages.Image("k2", "Sunset over Tahoe", List.of("Lake", "Tahoe"), "banner"));
        m.put("k3", new TruthImages.Image("k3", "stock photo", List.of("Shutterstock", "Shutterstock"), "watermark"));
        m.put("k4", new TruthImages.Image("k4", "a red apple", List.of(), "none"));
        return new TruthImages(m);
    }

    private static OcrRecord ok(String key, String engine, String... words) {
        List<SpottedWord> w = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            w.add(SpottedWord.ofBox(words[i], 0.9f, new Box(10 * i, 0, 10 * i + 8, 8)));
        }
        return OcrRecord.ok(key, engine, 64, 64, w);
    }

    private static List<SpottingAccuracy> rows() {
        Map<String, List<OcrRecord>> byEngine = new LinkedHashMap<>();
        // a: k1 one exact word (Coffee) and one only after case folding (FRESH); k2 one case-folded word (LAKE)
        // and one typo (Tahoo, 1 edit from Tahoe: a fuzzy parrot only); k3 nothing; k4 a word of the caption
        // printed nowhere (a false parrot under every matching).
        byEngine.put(
                "a",
                List.of(
                        ok("k1", "a", "FRESH", "Coffee"),
                        ok("k2", "a", "LAKE", "Tahoo"),
                        ok("k3", "a"),
                        ok("k4", "a", "apple")));
        // b: k1 one exact word; k2 has no record (left out); k3 the watermark three times (the truth has two);
        // k4 failed (counts as spotting nothing).
        byEngine.put(
                "b",
                List.of(
                        ok("k1", "b", "Coffee"),
                        ok("k3", "b", "Shutterstock", "Shutterstock", "Shutterstock"),
                        OcrRecord.failed("k4", "b", 64, 64, "engine_error: test")));
        return SpottingAccuracy.compare(truth(), byEngine, true);
    }

    @Test
    void table_handCountedFixture_givesHandCountedValuesRoundedToThreeDecimals() {
        Table t = SpottingBench.table(rows(), Map.of("a", 12.3456));

        assertEquals(
                List.of(
                        "engine",
                        "layout",
                        "images",
                        "images_per_second",
                        "image_text_recall",
                        "parrot_recall_exact",
                        "parrot_recall_normalized",
                        "parrot_recall_fuzzy",
                        "word_precision",
                        "word_recall"),
                t.columnNames());
        // every image, then the layouts in first-occurrence order (banner, watermark, none), engines a, b each
        assertEquals(8, t.rowCount());
        assertEquals(
                List.of("a", "b", "a", "b", "a", "b", "a", "b"),
                t.stringColumn("engine").asList());
        assertEquals(
                List.of("all", "all", "banner", "banner", "watermark", "watermark", "none", "none"),
                t.stringColumn("layout").asList());

        // a over 4 images: printed words 2+2+2+0 = 6, spotted 2+2+0+1 = 5, exact matches 1 (Coffee):
        // P 1/5, R 1/6. Text images k1,k2,k3; a spots in k1,k2 -> 2/3. Parrots: exact spotted {k1 (Coffee),
        // k4} -> 1 of truth {k1,k2}; normalized spotted {k1 (fresh, coffee), k4} -> 1 of 2; fuzzy spotted
        // {k1, k2 (tahoo ~ tahoe), k4} -> 2 of 2.
        assertRow(t.row(0), 4, 12.346, 0.667, 0.5, 0.5, 1.0, 0.2, 0.167);
        // b over 3 images (k2 has no record): printed 2+2+0 = 4, spotted 1+3+0 = 4, exact 1+2 = 3 (a multiset:
        // two printed Shutterstock match two of three spotted). Text images k1,k3 both spotted. Parrots: truth
        // {k1} only (k2 left out), spotted k1 under every matching. No speed given: NaN.
        assertRow(t.row(1), 3, Double.NaN, 1.0, 1.0, 1.0, 1.0, 0.75, 0.75);
        // a on banner (k1,k2): printed 4, spotted 4, exact 1.
        assertRow(t.row(2), 2, 12.346, 1.0, 0.5, 0.5, 1.0, 0.25, 0.25);
        // b on banner (k1 only): printed 2, spotted 1, exact 1.
        assertRow(t.row(3), 1, Double.NaN, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5);
        // a on watermark (k3): nothing spotted: precision 1 by convention, recall 0; no truth parrot: recall 1.
        assertRow(t.row(4), 1, 12.346, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0);
        // b on watermark (k3): printed 2, spotted 3, exact 2.
        assertRow(t.row(5), 1, Double.NaN, 1.0, 1.0, 1.0, 1.0, 0.667, 1.0);
        // a on none (k4): no printed word (recall 1), one spotted and wrong (precision 0).
        assertRow(t.row(6), 1, 12.346, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0);
        // b on none (k4, failed): nothing printed, nothing spotted.
        assertRow(t.row(7), 1, Double.NaN, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void table_doesNotChangeTheAccuracyTable() {
        List<SpottingAccuracy> rows = rows();
        Table before = SpottingAccuracy.toTable(rows);
        String printed = before.print();
        SpottingBench.table(rows, Map.of("a", 1.0));
        assertEquals(printed, SpottingAccuracy.toTable(rows).print());
        // the precision columns the bench table leaves out are still in the accuracy table (a: exact 1/2)
        assertTrue(before.columnNames().contains("parrot_precision_exact"));
        assertEquals(0.5, before.doubleColumn("parrot_precision_exact").get(0), EPS);
    }

    private static void assertRow(
            Row r,
            long images,
            double speed,
            double textRecall,
            double parrotExact,
            double parrotNormalized,
            double parrotFuzzy,
            double wordPrecision,
            double wordRecall) {
        String at = r.getString("engine") + "/" + r.getString("layout");
        assertEquals(images, r.getLong("images"), at);
        assertEquals(speed, r.getDouble("images_per_second"), EPS, at);
        assertEquals(textRecall, r.getDouble("image_text_recall"), EPS, at);
        assertEquals(parrotExact, r.getDouble("parrot_recall_exact"), EPS, at);
        assertEquals(parrotNormalized, r.getDouble("parrot_recall_normalized"), EPS, at);
        assertEquals(parrotFuzzy, r.getDouble("parrot_recall_fuzzy"), EPS, at);
        assertEquals(wordPrecision, r.getDouble("word_precision"), EPS, at);
        assertEquals(wordRecall, r.getDouble("word_recall"), EPS, at);
    }
}
