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
                List.of(
                        "measure",
                        "paper",
                        "free",
                        "free low",
                        "free high",
                        "text",
                        "text low",
                        "text high",
                        "difference",
                        "std_error",
                        "z",
                        "verdict"),
                t.columnNames());
        // binomial errors by hand: sqrt(.4*.6/100 + .15*.85/100) = 0.060622
        assertEquals(0.060622, t.doubleColumn("std_error").get(0), 1e-6);
        assertEquals(-4.1239, t.doubleColumn("z").get(0), 1e-4);
        // i2t: -0.01 and t2i: +0.1 with sqrt(.2*.8/50 + .3*.7/50) = 0.086023 are both inside two errors
        assertEquals(0.086023, t.doubleColumn("std_error").get(2), 1e-6);
        // Sync: sqrt(.239^2/400 + .166^2/400) = 0.014550
        assertEquals(0.014550, t.doubleColumn("std_error").get(3), 1e-6);
        // Wilson intervals by hand (z = 1.96): 0.02 of 100 gives [0.005502, 0.070012]
        assertEquals(0.005502, t.doubleColumn("free low").get(5), 1e-5);
        assertEquals(0.070012, t.doubleColumn("free high").get(5), 1e-5);
        // Sync: 0.143 +- 1.96 * 0.239 / 20
        assertEquals(0.119578, t.doubleColumn("free low").get(3), 1e-5);
        assertEquals(
                List.of("as the paper", "within noise", "within noise", "as the paper", "as the paper", "as the paper"),
                t.stringColumn("verdict").asList());
        assertEquals(
                List.of("lower", "lower", "lower", "higher", "lower", "higher"),
                t.stringColumn("paper").asList());
        assertEquals(
                "text vs free: 4 of 6 measurements differ as the paper reports (95% intervals apart), 0 against"
                        + " it, 2 within noise (intervals overlap).",
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
    void overlappingIntervals_areWithinNoise_evenBeyondTwoStandardErrors() {
        // zero-shot 0.40 vs 0.55 of 100: z = 0.15 / sqrt(.0024 + .002475) = 2.148, yet the Wilson intervals
        // [0.3094, 0.4980] and [0.4524, 0.6439] overlap
        EvalReport free = report(0.55, 100, 0.2, 0.2, 50, new GroupStats(10, 0.2, 0.1), 0.5, 0.0625);
        EvalReport text = report(0.40, 100, 0.2, 0.2, 50, new GroupStats(10, 0.2, 0.1), 0.5, 0.0625);
        BiasVerdict v = BiasVerdict.of("free", free, "text", text);
        BiasVerdict.Row zs = v.rows().get(0);
        assertEquals(-2.148, zs.z(), 1e-3);
        assertEquals(0.309401, zs.textInterval().low(), 1e-5);
        assertEquals(0.643855, zs.referenceInterval().high(), 1e-5);
        assertEquals("within noise", zs.verdict());
    }

    @Test
    void aWrittenClassRateSeenOnceMore_isWithinNoise_andTheLineShowsTheIntervals() {
        // 50 vs 60 of 800 written-class choices: Wilson [0.0477, 0.0815] and [0.0587, 0.0954]
        EvalReport free = report(0.4, 800, 0.2, 0.2, 50, new GroupStats(10, 0.2, 0.1), 0.5, 0.0625);
        EvalReport text = report(0.4, 800, 0.2, 0.2, 50, new GroupStats(10, 0.2, 0.1), 0.5, 0.075);
        BiasVerdict v = BiasVerdict.of("free", free, "text", text);
        assertEquals("within noise", v.rows().get(5).verdict());
        assertEquals(
                "typographic: written class chosen: free 0.063 [0.048, 0.081], text 0.075 [0.059, 0.095]: within noise"
                        + " (paper: higher)",
                v.lines().get(5));
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
