package org.parrotscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The seed spread and the paper's direction on hand-made results ({@link PaperTablesTest#results}). */
class DirectionTest {

    @Test
    void seedSpread_isThePooledSampleStandardDeviation() {
        // every subset's top-1 is x, x + 0.01, x + 0.02 over seeds 0-2: sample sd 0.01 in each, pooled 0.01;
        // Sync and written-class rate do not vary with the seed
        Map<String, Double> s = Direction.seedSpread(PaperTablesTest.results(List.of(0L, 1L, 2L)));
        assertEquals(0.01, s.get("zeroshot.top1"), 1e-12);
        assertEquals(0.0, s.get("sync.mean"), 1e-12);
        assertTrue(Double.isNaN(
                Direction.seedSpread(PaperTablesTest.results(List.of(0L))).get("sync.mean")));
    }

    @Test
    void contrasts_areJudgedAgainstTwiceTheStandardErrorOfADifference() {
        Table t = Direction.of(
                PaperTablesTest.results(List.of(0L)),
                Map.of("zeroshot.top1", 0.1, "sync.mean", 0.01, "typographic.written_class_rate", 0.5));
        // Curation I: text-only minus no-text: top-1 0.20 - 0.50 = -0.30, threshold 2 * 0.1 * sqrt(2) = 0.283
        Table zs = t.where(t.stringColumn("contrast")
                .isEqualTo("w/ Emb. Text Only - w/o Emb. Text")
                .and(t.stringColumn("metric").isEqualTo("zeroshot.top1")));
        assertEquals(-0.30, zs.doubleColumn("difference").getDouble(0), 1e-12);
        assertEquals(2 * 0.1 * Math.sqrt(2), zs.doubleColumn("threshold").getDouble(0), 1e-12);
        assertEquals(Direction.AS_PAPER, zs.stringColumn("verdict").get(0));
        // written-class rate 0.30 - 0.05 = 0.25 < 2 * 0.5 * sqrt(2): within the spread
        Table w = t.where(t.stringColumn("contrast")
                .isEqualTo("w/ Emb. Text Only - w/o Emb. Text")
                .and(t.stringColumn("metric").isEqualTo("typographic.written_class_rate")));
        assertEquals(Direction.WITHIN, w.stringColumn("verdict").get(0));
        // 1 Curation I contrast + 4 Curation II contrasts, 3 metrics each
        assertEquals(5 * 3, t.rowCount());
        assertEquals(Direction.OPPOSITE, Direction.verdict(-0.5, 1, 0.1));
    }
}
