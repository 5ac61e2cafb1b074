package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parrotscope.data.synth.GroundTruthStats;
import tech.tablesaw.api.Table;

class PaperNumbersTest {

    @Test
    void table1Counts_matchThePercentagesThePaperPrints() {
        // Table 1 / Sec. 4.2 print 54.60% text images and 61.2% of them with Co-Emb. text
        assertEquals(54.60, 100.0 * PaperNumbers.LAION2B_IMAGES_WITH_TEXT / PaperNumbers.LAION2B_IMAGES, 0.005);
        assertEquals(
                61.2,
                100.0 * PaperNumbers.LAION2B_IMAGES_WITH_CO_EMB_TEXT / PaperNumbers.LAION2B_IMAGES_WITH_TEXT,
                0.05);
        // a per-image mean with CoTR = 0 for text-free images: rate in total / rate in text images = text share
        double share = (double) PaperNumbers.LAION2B_IMAGES_WITH_TEXT / PaperNumbers.LAION2B_IMAGES;
        assertEquals(
                share, PaperNumbers.LAION2B_CO_EMB_RATE_TOTAL / PaperNumbers.LAION2B_CO_EMB_RATE_TEXT_IMAGES, 1e-3);
        // the pie chart's three shares cover every image
        assertEquals(1.0, PaperNumbers.split().doubleColumn(StatsColumns.SHARE).sum(), 1e-9);
        // its parrot share agrees with Table 1's count: 663,600,432 / 1,985,284,122 = 33.4%
        assertEquals(
                PaperNumbers.LAION2B_SPLIT_TEXT_OVERLAP,
                (double) PaperNumbers.LAION2B_IMAGES_WITH_CO_EMB_TEXT / PaperNumbers.LAION2B_IMAGES,
                5e-4);
    }

    @Test
    void compareWithPaper_putsMeasuredPercentagesBesideThePapers() {
        // 10 images, 4 with text, 2 of those parrot, mean CoTR 0.1 over all and 0.25 over text images
        Table1 measured = new Table1(Matching.EXACT, 10, 4, 2, 0.1, 0.25, 0);
        Map<String, Table1> m = new LinkedHashMap<>();
        m.put("mini", measured);
        Table t = Table1.compareWithPaper(m);
        assertEquals(List.of("quantity", "mini", "LAION-2B (paper)", "LAION-2B fuzzy (paper)"), t.columnNames());
        assertEquals(List.of(40.0, 50.0, 10.0, 25.0), t.doubleColumn("mini").asList());
        assertEquals(54.60, t.doubleColumn("LAION-2B (paper)").get(0), 0.005);
        assertEquals(61.22, t.doubleColumn("LAION-2B (paper)").get(1), 0.005);
        assertEquals(15.42, t.doubleColumn("LAION-2B (paper)").get(2), 1e-9);
        assertEquals(28.24, t.doubleColumn("LAION-2B (paper)").get(3), 1e-9);
        assertTrue(t.doubleColumn("LAION-2B fuzzy (paper)").isMissing(0));
        assertEquals(55.79, t.doubleColumn("LAION-2B fuzzy (paper)").get(3), 1e-9);
    }

    @Test
    void ofGroundTruth_carriesTheGeneratorsCountsIntoTable1() {
        GroundTruthStats truth = new GroundTruthStats.Accumulator()
                .add("a b", List.of("a")) // CoTR 1/2
                .add("c d", List.of("z")) // text, no overlap
                .add("   ", List.of()) // empty caption, no text
                .add("x", List.of())
                .stats();
        Table1 row = Table1.ofGroundTruth(truth);
        assertEquals(new Table1(Matching.EXACT, 4, 2, 1, 0.5 / 4, 0.5 / 2, 1), row);
        Table t = Table1.compareWithPaper(Map.of("truth", row));
        assertEquals(List.of(50.0, 50.0, 12.5, 25.0), t.doubleColumn("truth").asList());
    }

    @Test
    void paperTables_holdThePrintedValues() {
        Table t2 = PaperNumbers.table2();
        assertEquals(0.3358, t2.doubleColumn("clip_score_mean").get(1), 0);
        assertEquals(0.0197, t2.doubleColumn("clip_score_std").get(3), 0);
        Table t3 = PaperNumbers.table3ImageNet3M();
        assertEquals(0.071, t3.doubleColumn("imagenet_top1").get(2), 0);
        assertEquals("w/ Emb. Text Only", t3.stringColumn("subset").get(5));
        Table t10 = PaperNumbers.table10Sync();
        assertEquals(0.317, t10.doubleColumn("sync_mean").get(0), 0);
        assertEquals(0.042, t10.doubleColumn("sync_std").get(1), 0);
        assertEquals(7, PaperNumbers.table1().rowCount());
    }

    @Test
    void table12Sync_holdsTheCc12mColumn_andTheTextOnlyModelsScoreHighest() {
        var t = PaperNumbers.table12SyncCc12m();
        assertEquals(List.of("model", "subset", "sync"), t.columnNames());
        // Table 12 of the supplement, Sync. S column, in the paper's row order (RN50 then ViT-B)
        assertEquals(
                List.of(0.186, 0.121, 0.220, 0.127, 0.096, 0.148),
                t.doubleColumn("sync").asList());
        assertTrue(PaperNumbers.SYNC_CC12M_RN50_TEXT_ONLY > PaperNumbers.SYNC_CC12M_RN50_NO_TEXT);
        assertTrue(PaperNumbers.SYNC_CC12M_VITB_TEXT_ONLY > PaperNumbers.SYNC_CC12M_VITB_NO_TEXT);
    }
}
