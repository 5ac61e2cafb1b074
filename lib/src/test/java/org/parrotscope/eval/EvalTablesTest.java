package org.parrotscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class EvalTablesTest {

    /** Classes a, b, c; images of a, a, b, c predicted a, b, b, a: a 1/2, b 1/1, c 0/1, top-1 2/4. */
    private static ZeroShotResult zeroShot() {
        float[][] logits = {{3, 1, 0}, {1, 2, 0}, {0, 5, 1}, {4, 0, 1}};
        return ZeroShotResult.of(List.of("a", "b", "c"), logits, new int[] {0, 0, 1, 2});
    }

    /** Styles x (0.1, 0.3) and y (0.5); frequency "high" holds all three; lengths 3 (0.1, 0.5) and 4 (0.3). */
    private static SyncResult sync(double shift) {
        Map<String, GroupStats> style = new LinkedHashMap<>();
        style.put("x", GroupStats.of(List.of(0.1 + shift, 0.3 + shift)));
        style.put("y", GroupStats.of(List.of(0.5 + shift)));
        Map<String, GroupStats> length = new LinkedHashMap<>();
        length.put("3", GroupStats.of(List.of(0.1 + shift, 0.5 + shift)));
        length.put("4", GroupStats.of(List.of(0.3 + shift)));
        GroupStats all = GroupStats.of(List.of(0.1 + shift, 0.3 + shift, 0.5 + shift));
        return new SyncResult(all, style, Map.of("high", all), length);
    }

    @Test
    void evalReportTable_hasTheHeadlineNumbersAndNaNForSuitesNotRun() {
        EvalReport full = new EvalReport(
                zeroShot(),
                new RetrievalResult(10, 0.1, 0.5, 0.9, 0.2, 0.6, 1.0),
                sync(0),
                new TypographicResult(16, 0.25, 0.125, 0.5),
                Map.of());
        EvalReport onlyZeroShot = new EvalReport(zeroShot(), null, null, null, Map.of());
        Map<String, EvalReport> m = new LinkedHashMap<>();
        m.put("full", full);
        m.put("zs", onlyZeroShot);
        Table t = EvalReport.toTable(m);
        assertEquals(List.of("full", "zs"), t.stringColumn("model").asList());
        assertEquals(0.5, t.doubleColumn("zeroshot_top1").get(0), 1e-12);
        assertEquals(1.0, t.doubleColumn("zeroshot_top5").get(0), 1e-12); // 3 classes <= 5
        assertEquals(0.9, t.doubleColumn("i2t_r10").get(0), 1e-12);
        assertEquals(0.2, t.doubleColumn("t2i_r1").get(0), 1e-12);
        assertEquals(0.3, t.doubleColumn("sync_mean").get(0), 1e-12); // (0.1 + 0.3 + 0.5) / 3
        assertEquals(Math.sqrt(0.08 / 3), t.doubleColumn("sync_std").get(0), 1e-12); // deviations 0.2, 0, 0.2
        assertEquals(0.125, t.doubleColumn("typographic_written_class").get(0), 1e-12);
        assertEquals(0.5, t.doubleColumn("zeroshot_top1").get(1), 1e-12);
        assertTrue(t.doubleColumn("i2t_r1").isMissing(1));
        assertTrue(t.doubleColumn("sync_mean").isMissing(1));
        assertEquals(1, full.toTable().rowCount());
        assertEquals(t.columnCount() - 1, full.toTable().columnCount());
        assertTrue(full.toText().startsWith("zero-shot"));
    }

    @Test
    void zeroShotTables_givePerClassAccuracyAndImageCounts() {
        Table t = zeroShot().toTable();
        assertEquals(List.of("a", "b", "c"), t.stringColumn("class").asList());
        assertEquals(List.of(2, 1, 1), t.intColumn("images").asList());
        assertEquals(0.5, t.doubleColumn("top1").get(0), 1e-12);
        assertEquals(1.0, t.doubleColumn("top1").get(1), 1e-12);
        assertEquals(0.0, t.doubleColumn("top1").get(2), 1e-12);
        Map<String, ZeroShotResult> m = new LinkedHashMap<>();
        m.put("m1", zeroShot());
        m.put("m2", ZeroShotResult.of(List.of("a", "b", "c"), new float[][] {{0, 0, 1}}, new int[] {2}));
        Table wide = ZeroShotResult.toTable(m);
        assertEquals(List.of("class", "m1", "m2"), wide.columnNames());
        assertEquals(1.0, wide.doubleColumn("m2").get(2), 1e-12);
        assertTrue(wide.doubleColumn("m2").isMissing(0)); // no image of class a
        m.put("other", ZeroShotResult.of(List.of("a", "z"), new float[][] {{1, 0}}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> ZeroShotResult.toTable(m));
    }

    @Test
    void syncTables_longFormAndModelsSideBySide() {
        Table t = sync(0).toTable();
        assertEquals("overall", t.stringColumn("grouping").get(0));
        assertEquals(3, t.intColumn("count").get(0));
        // rows: overall, x, y, high, 3, 4
        assertEquals(
                List.of("all", "x", "y", "high", "3", "4"),
                t.stringColumn("group").asList());
        assertEquals(0.2, t.doubleColumn("mean").get(1), 1e-12);
        assertEquals(0.1, t.doubleColumn("std").get(1), 1e-12);
        assertEquals(0.3, t.doubleColumn("mean").get(4), 1e-12); // length 3: (0.1 + 0.5) / 2
        Map<String, SyncResult> m = new LinkedHashMap<>();
        m.put("a", sync(0));
        m.put("b", sync(0.25));
        Table byStyle = SyncResult.toTable(m, SyncResult.Grouping.STYLE, false);
        assertEquals(List.of("style", "a", "b"), byStyle.columnNames());
        assertEquals(0.2, byStyle.doubleColumn("a").get(0), 1e-12);
        assertEquals(0.75, byStyle.doubleColumn("b").get(1), 1e-12);
        Table byLength = SyncResult.toTable(m, SyncResult.Grouping.LENGTH, true);
        assertEquals(List.of("length", "a", "a (std)", "b", "b (std)"), byLength.columnNames());
        assertEquals(0.2, byLength.doubleColumn("b (std)").get(0), 1e-12); // 0.35 and 0.75: half their gap
    }
}
