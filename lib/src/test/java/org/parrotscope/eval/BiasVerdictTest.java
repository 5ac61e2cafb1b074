package org.parrotscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class BiasVerdictTest {

    private static EvalReport report(
            double top1,
            int images,
            double i2t,
            double t2i,
            int pairs,
            GroupStats sync,
            double trueClass,
            double written) {
        List<String> classes = List.of("cat", "dog");
        ZeroShotResult z =
                new ZeroShotResult(classes, images, top1, 1.0, new double[] {top1, top1}, new int[][] {{1, 0}, {0, 1}});
        RetrievalResult r = new RetrievalResult(pairs, i2t, i2t, i2t, t2i, t2i, t2i);
        SyncResult s = new SyncResult(sync, Map.of(), Map.of(), Map.of());
        TypographicResult t = new TypographicResult(images, trueClass, written, top1);
        return new EvalReport(z, r, s, t, Map.of());
    }

    @Test
    void judgesEachDifferenceAgainstItsSamplingError() {
        EvalReport free = report(0.40, 100, 0.26, 0.20, 50, new GroupStats(400, 0.143, 0.239), 0.5, 0.02);
        EvalReport text = report(0.15, 100, 0.25, 0.30, 50, new GroupStats(400, 0.315, 0.166), 0.2, 0.30);
        BiasVerdict v = BiasVerdict.of("free", free, "text", text);
        Table t = v.toTable();
        assertEquals(
                List.of("measure", "paper", "free", "text", "difference", "std_error", "z", "verdict"),
                t.columnNames());
        // binomial errors by hand: sqrt(.4*.6/100 + .15*.85/100) = 0.060622
        assertEquals(0.060622, t.doubleColumn("std_error").get(0), 1e-6);
        assertEquals(-4.1239, t.doubleColumn("z").get(0), 1e-4);
        // i2t: -0.01 and t2i: +0.1 with sqrt(.2*.8/50 + .3*.7/50) = 0.086023 are both inside two errors
        assertEquals(0.086023, t.doubleColumn("std_error").get(2), 1e-6);
        // Sync: sqrt(.239^2/400 + .166^2/400) = 0.014550
        assertEquals(0.014550, t.doubleColumn("std_error").get(3), 1e-6);
        assertEquals(
                List.of("as the paper", "within noise", "within noise", "as the paper", "as the paper", "as the paper"),
                t.stringColumn("verdict").asList());
        assertEquals(
                List.of("lower", "lower", "lower", "higher", "lower", "higher"),
                t.stringColumn("paper").asList());
        assertEquals(
                "text vs free: 4 of 6 measurements differ as the paper reports (beyond 2 standard errors), 0"
                        + " against it, 2 within noise.",
                v.summary());
    }

    @Test
    void aTextModelThatClassifiesBetterGoesAgainstThePaper() {
        EvalReport free = report(0.10, 400, 0.1, 0.1, 50, new GroupStats(10, 0.2, 0.0), 0.5, 0.1);
        EvalReport text = report(0.30, 400, 0.1, 0.1, 50, new GroupStats(10, 0.2, 0.0), 0.5, 0.1);
        BiasVerdict v = BiasVerdict.of("free", free, "text", text);
        assertEquals("opposite to the paper", v.rows().get(0).verdict());
        assertEquals(1, v.opposing());
        // equal Sync scores without spread: no difference, no error, z = 0
        assertEquals(0.0, v.rows().get(3).z(), 0);
        assertEquals("within noise", v.rows().get(3).verdict());
    }

    @Test
    void suitesEitherReportSkippedHaveNoRow() {
        EvalReport full = report(0.4, 100, 0.2, 0.2, 50, new GroupStats(10, 0.2, 0.1), 0.5, 0.1);
        EvalReport zeroShotOnly = new EvalReport(full.zeroShot(), null, null, null, Map.of());
        BiasVerdict v = BiasVerdict.of("a", full, "b", zeroShotOnly);
        assertEquals(1, v.rows().size());
        assertEquals("zero-shot top-1", v.rows().get(0).measure());
    }
}
