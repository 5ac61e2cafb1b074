package org.parrotscope.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class Table2Test {

    private static final double NAN = Double.NaN;

    private static final List<AblationRow> ROWS = List.of(
            new AblationRow("n1", "s", false, 0.30, NAN, NAN, NAN, NAN),
            new AblationRow("n2", "s", false, 0.20, NAN, NAN, NAN, NAN),
            new AblationRow("t1", "s", true, 0.40, 0.30, 0.32, 0.39, 0.40),
            new AblationRow("t2", "s", true, 0.36, 0.26, NAN, 0.35, NAN),
            new AblationRow("t3", "s", true, 0.32, 0.28, 0.30, NAN, 0.31));

    @Test
    void overSamples_meanAndSampleStdPerSetup() {
        Table t = Table2.overSamples(ROWS);
        assertEquals(6, t.rowCount());
        // raw w/o text: {0.30, 0.20}: mean 0.25, sample std sqrt(2 * 0.05^2 / 1) = 0.070711
        assertRow(t, Table2.RAW_WITHOUT_TEXT, 2, 0.25, 0.0707107);
        // raw w/ text {0.40, 0.36, 0.32}: mean 0.36, std 0.04
        assertRow(t, Table2.RAW_WITH_TEXT, 3, 0.36, 0.04);
        // All removed {0.30, 0.26, 0.28}: mean 0.28, std 0.02
        assertRow(t, Table2.ALL_REMOVED, 3, 0.28, 0.02);
        // Co removed {0.32, 0.30}: mean 0.31, std 0.0141421
        assertRow(t, Table2.CO_REMOVED, 2, 0.31, 0.0141421);
        assertRow(t, Table2.RANDOM_ALL, 2, 0.37, 0.0282843);
        assertRow(t, Table2.RANDOM_CO, 2, 0.355, 0.0636396);
        assertEquals(0.40 - 0.30, ROWS.get(2).rsa(), 1e-12);
        assertEquals(0.40 - 0.32, ROWS.get(2).rsc(), 1e-12);
        assertTrue(Double.isNaN(ROWS.get(3).rsc()), "no Co-Emb. text: RSC undefined");
    }

    @Test
    void overClusters_averagesTheClusterMeans() {
        Map<String, String> clusters = Map.of("n1", "A", "t1", "A", "t2", "A", "n2", "B", "t3", "B");
        Table t = Table2.overClusters(ROWS, clusters);
        // raw w/ text: cluster A mean (0.40 + 0.36) / 2 = 0.38, cluster B 0.32; mean 0.35, std 0.0424264
        assertRow(t, Table2.RAW_WITH_TEXT, 2, 0.35, 0.0424264);
        // Co removed: A {0.32}, B {0.30}: mean 0.31
        assertRow(t, Table2.CO_REMOVED, 2, 0.31, 0.0141421);
        assertEquals(Table2.OVER_CLUSTERS, t.stringColumn("aggregation").get(0));
    }

    @Test
    void overClusters_namedClustering_labelsEveryRowAndTheTable_sameValues() {
        Map<String, String> clusters = Map.of("n1", "A", "t1", "A", "t2", "A", "n2", "B", "t3", "B");
        Table t = AblationReport.of(ROWS, clusters, "ours: k-means, k = 2").overClusters();
        for (String a : t.stringColumn("aggregation")) {
            assertEquals("clusters (ours: k-means, k = 2)", a);
        }
        assertEquals("Table 2 (over clusters (ours: k-means, k = 2))", t.name());
        assertRow(t, Table2.RAW_WITH_TEXT, 2, 0.35, 0.0424264);
        assertEquals(
                0.3260, t.doubleColumn("paper_mean").get(t.stringColumn("setup").indexOf(Table2.RANDOM_ALL)));
    }

    @Test
    void withPaper_addsThePublishedValues() {
        Table t = Table2.withPaper(Table2.overSamples(ROWS));
        int i = t.stringColumn("setup").indexOf(Table2.ALL_REMOVED);
        assertEquals(0.2974, t.doubleColumn("paper_mean").get(i));
        assertEquals(0.0197, t.doubleColumn("paper_std").get(i));
    }

    @Test
    void readClusters_requiresItsHeader(@TempDir Path tmp) throws Exception {
        Path ok = Files.writeString(tmp.resolve("c.csv"), "key,cluster\nk1,3\n\"a,b\",4\n");
        assertEquals(Map.of("k1", "3", "a,b", "4"), Table2.readClusters(ok));
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "id,c\nk1,3\n");
        var e = assertThrows(java.io.IOException.class, () -> Table2.readClusters(bad));
        assertTrue(e.getMessage().contains("bad.csv"), e.getMessage());
    }

    @Test
    void csv_roundTripsEmptyCellsAndQuotedKeys() {
        AblationRow r = new AblationRow("a,\"b\"", "00000", true, 0.5, 0.25, NAN, 0.5, NAN);
        String line = AblationCsv.toLine(r);
        assertEquals("\"a,\"\"b\"\"\",00000,true,0.500000,0.250000,,0.500000,,0.250000,", line);
        assertEquals(r, AblationCsv.parseLine(line));
        assertEquals("key,shard,has_text,s_raw,s_all,s_co,s_rand_all,s_rand_co,rsa,rsc", AblationCsv.HEADER);
        assertThrows(IllegalArgumentException.class, () -> AblationCsv.parseLine("k,s,maybe,0.1,,,,,,"));
        assertThrows(IllegalArgumentException.class, () -> AblationCsv.parseLine("k,s,false,0.1,0.2,,,,,"));
    }

    private static void assertRow(Table t, String setup, int n, double mean, double std) {
        int i = t.stringColumn("setup").indexOf(setup);
        assertEquals(n, t.intColumn("n").get(i), setup);
        assertEquals(mean, t.doubleColumn("mean").get(i), 1e-6, setup);
        assertEquals(std, t.doubleColumn("std").get(i), 1e-6, setup);
    }
}
