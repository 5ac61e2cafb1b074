package org.parrotscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.parrot.DatasetStats;
import org.parrotscope.parrot.Matching;
import org.parrotscope.parrot.ParrotStats;
import org.parrotscope.parrot.StatsConfig;
import org.parrotscope.parrot.Table1;
import org.parrotscope.util.Progress;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The Spark jobs against the single-machine pipeline on the same mini-LAION: {@code spark ocr} + {@code spark
 * stats} must give the tables {@code ocr} + {@code stats} give, cell by cell; re-runs skip finished shards, a
 * damaged file is redone, every sample is present exactly once, a shard that cannot be read is reported.
 */
class SparkJobsTest {

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path shards;
    static ParrotStats single;
    static Path singleOcr;
    static List<Shard> resolved;
    static final StatsConfig CONFIG = StatsConfig.builder().optTopK(15).build();

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("SparkJobsTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3")
                .getOrCreate();
        shards = tmp.resolve("mini-laion");
        SynthConfig cfg = SynthConfig.builder()
                .setSeed(11)
                .setSamples(150)
                .optShardSize(50)
                .optImageSize(64)
                .build();
        MiniLaionWriter.write(new MiniLaion(cfg), shards, Progress.silent());
        resolved = Datasets.resolve(List.of(shards.resolve("*.tar").toString()));
        Path ocr = tmp.resolve("single-ocr");
        singleOcr = ocr;
        OcrRun.builder()
                .setOut(ocr)
                .optEngine("oracle")
                .optThreads(2)
                .buildRun()
                .run(resolved);
        single = DatasetStats.compute(resolved, ocr, CONFIG, Progress.silent()).stats();
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static SparkOcrJob.Config job(String out) {
        return new SparkOcrJob.Config(
                List.of(shards.resolve("*.tar").toString()),
                out,
                "oracle",
                1,
                tmp.resolve("work").toString());
    }

    @Test
    void sparkStatsEqualSingleMachineStats_andRerunsAreIdempotent() throws Exception {
        String out = tmp.resolve("parquet").toString();
        List<ShardOutcome> first = SparkOcrJob.run(spark, job(out));
        assertEquals(3, first.size());
        for (ShardOutcome o : first) {
            assertEquals(ShardOutcome.State.DONE, o.state(), o.toString());
            assertEquals(50, o.rows());
        }
        assertStatsEqual(single, SparkStats.compute(spark, out, CONFIG));
        // three shards, one executor JVM (local mode): the engine was opened once and shared
        assertEquals(1, ExecutorSpotters.openCount());

        // a second run finds every shard finished
        for (ShardOutcome o : SparkOcrJob.run(spark, job(out))) {
            assertEquals(ShardOutcome.State.SKIPPED, o.state(), o.toString());
        }

        // a truncated file is found damaged and redone; the statistics do not change
        Path victim = Path.of(out, "00001.parquet");
        try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        Map<String, ShardOutcome.State> states = new java.util.HashMap<>();
        for (ShardOutcome o : SparkOcrJob.run(spark, job(out))) {
            states.put(o.shard(), o.state());
        }
        assertEquals(ShardOutcome.State.REDONE, states.get("00001"));
        assertEquals(ShardOutcome.State.SKIPPED, states.get("00000"));
        Row r = spark.sql("SELECT count(*), count(DISTINCT key) FROM parquet.`" + out + "`")
                .first();
        assertEquals(150L, r.getLong(0));
        assertEquals(150L, r.getLong(1));
        assertStatsEqual(single, SparkStats.compute(spark, out, CONFIG));
        // no temporary files are left beside the outputs
        try (var files = Files.list(Path.of(out))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void singleMachineJsonlConvertsToTheSameParquet() throws Exception {
        String out = tmp.resolve("converted").toString();
        List<ShardOutcome> done =
                JsonlToParquet.convert(resolved, singleOcr, out, new org.apache.hadoop.conf.Configuration());
        assertEquals(3, done.size());
        for (ShardOutcome o : done) {
            assertEquals(ShardOutcome.State.DONE, o.state(), o.toString());
        }
        assertStatsEqual(single, SparkStats.compute(spark, out, CONFIG));
        Row r = spark.sql("SELECT count(*), count_if(error IS NOT NULL), sum(size(words)) FROM parquet.`" + out + "`")
                .first();
        assertEquals(150L, r.getLong(0));
        assertEquals(0L, r.getLong(1));
        assertEquals(single.words().rowCount(), r.getLong(2));
    }

    @Test
    void unreadableShardIsReportedAndTheJobCompletes() throws Exception {
        Path gone = tmp.resolve("gone.tar");
        ShardTask t = new ShardTask(
                gone.toString(),
                tmp.resolve("p2").toString(),
                tmp.resolve("w2").toString(),
                Map.of(),
                new OcrWork("oracle", 1));
        ShardOutcome o = t.run("test");
        assertEquals(ShardOutcome.State.FAILED, o.state());
        assertTrue(o.reason().contains(gone.toString()), o.reason());

        // garbage in a .tar: the shard yields no sample, the job still completes with the good shards
        Path mixed = tmp.resolve("mixed");
        Files.createDirectories(mixed);
        Files.copy(shards.resolve("00000.tar"), mixed.resolve("00000.tar"));
        Files.write(mixed.resolve("broken.tar"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        String out = tmp.resolve("p3").toString();
        Map<String, ShardOutcome> byName = new java.util.HashMap<>();
        for (ShardOutcome s : SparkOcrJob.run(
                spark,
                new SparkOcrJob.Config(
                        List.of(mixed.resolve("*.tar").toString()),
                        out,
                        "oracle",
                        1,
                        tmp.resolve("w3").toString()))) {
            byName.put(s.shard(), s);
        }
        assertEquals(ShardOutcome.State.DONE, byName.get("00000").state());
        assertEquals(50, byName.get("00000").rows());
        ShardOutcome broken = byName.get("broken");
        assertEquals(0, broken.rows());
        assertTrue(broken.state() == ShardOutcome.State.FAILED || broken.droppedSamples() > 0, broken.toString());
        assertTrue(Files.isRegularFile(Path.of(out, "_failures.json")));
    }

    static void assertStatsEqual(ParrotStats expected, ParrotStats actual) {
        for (Matching m : Matching.values()) {
            Table1 e = expected.table1(m);
            Table1 a = actual.table1(m);
            assertEquals(e.images(), a.images(), m + " images");
            assertEquals(e.imagesWithText(), a.imagesWithText(), m + " with text");
            assertEquals(e.imagesWithCoEmbText(), a.imagesWithCoEmbText(), m + " with co-emb text");
            assertEquals(e.imagesWithEmptyCaption(), a.imagesWithEmptyCaption(), m + " empty captions");
            assertClose(e.coEmbRateTotal(), a.coEmbRateTotal(), m + " rate total");
            assertClose(e.coEmbRateTextImages(), a.coEmbRateTextImages(), m + " rate text images");
        }
        assertTrue(expected.table1(Matching.EXACT).imagesWithCoEmbText() > 10, "the data must hold parrot captions");
        for (Map.Entry<String, Table> en : expected.tables().entrySet()) {
            if (en.getKey().equals("images") || en.getKey().equals("words")) {
                continue;
            }
            Table e = en.getValue();
            Table a = actual.tables().get(en.getKey());
            assertEquals(e.columnNames(), a.columnNames(), en.getKey());
            assertEquals(e.rowCount(), a.rowCount(), en.getKey() + " rows");
            assertTrue(e.rowCount() > 0, en.getKey() + " is empty");
            for (int c = 0; c < e.columnCount(); c++) {
                Column<?> ec = e.column(c);
                Column<?> ac = a.column(c);
                assertEquals(ec.type(), ac.type(), en.getKey() + "." + ec.name());
                for (int i = 0; i < e.rowCount(); i++) {
                    Object ev = ec.get(i);
                    Object av = ac.get(i);
                    String where = en.getKey() + "." + ec.name() + "[" + i + "]";
                    if (ev instanceof Double d) {
                        assertClose(d, (Double) av, where);
                    } else {
                        assertEquals(ev, av, where);
                    }
                }
            }
        }
    }

    static void assertClose(double e, double a, String where) {
        if (Double.isNaN(e)) {
            assertTrue(Double.isNaN(a), where + ": expected NaN, got " + a);
            return;
        }
        // sums are added in another order across partitions
        assertEquals(e, a, 1e-12 * Math.max(1, Math.abs(e)), where);
    }

    @Test
    void shardNames() {
        assertEquals("00012", ShardTask.nameOf("hdfs://nn/laion/00012.tar"));
        assertEquals("photos", ShardTask.nameOf("/data/photos/"));
        assertNull(null);
    }
}
