package org.parrotscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.cli.ParrotScope;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.edit.AblationCsv;
import org.parrotscope.edit.AblationRow;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.parrot.SampleSchema;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import picocli.CommandLine;

/**
 * {@code spark score} and {@code spark ablate} against the single-machine {@code score} and {@code ablate} on the
 * same generated mini-LAION and the same random {@code tiny} CLIP: the same value for every sample (the
 * single-machine CSV, 6 decimals, within 1e-6), the same Parquet file as {@code --format parquet} (every column),
 * re-runs that skip finished shards, a corrupt shard reported while the others complete. Also {@code ocr --format
 * parquet} against {@code spark ocr}.
 */
class SparkScoreAblateTest {

    private static final int BATCH = 8;
    private static final int SAMPLES = 36;

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path shards;
    static Path model;
    static Path ocr;
    static String glob;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("SparkScoreAblateTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3")
                .getOrCreate();
        shards = tmp.resolve("mini-laion");
        int size = 2 * ClipPresets.load("tiny").vision().imageSize();
        MiniLaionWriter.write(
                new MiniLaion(SynthConfig.builder()
                        .setSeed(23)
                        .setSamples(SAMPLES)
                        .optShardSize(12)
                        .optImageSize(size)
                        .build()),
                shards,
                Progress.silent());
        glob = shards.resolve("*.tar").toString();
        model = tmp.resolve("tiny-model");
        try (ClipModel m = ClipModel.create(ClipPresets.load("tiny"), 5)) {
            m.save(model);
        }
        ocr = tmp.resolve("ocr");
        cli("ocr", glob, "--engine", "oracle", "--threads", "2", "--out", ocr.toString(), "--format", "parquet");
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Runs a single-machine command and fails the test when it does not succeed. */
    static void cli(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(args), String.join(" ", args) + ": " + err);
    }

    static Dataset<Row> parquet(Path dir) {
        return spark.read().parquet(dir.resolve("*.parquet").toString());
    }

    @Test
    void sparkScoreEqualsSingleMachineScore_andItsParquetFile() throws Exception {
        Path csv = tmp.resolve("score-csv");
        cli("score", glob, "--model", model.toString(), "--out", csv.toString(), "--batch", "" + BATCH);
        Path single = tmp.resolve("score-parquet");
        cli(
                "score",
                glob,
                "--model",
                model.toString(),
                "--out",
                single.toString(),
                "--batch",
                "" + BATCH,
                "--format",
                "parquet",
                "--embeddings");
        Path out = tmp.resolve("spark-score");
        List<ShardOutcome> outcomes = ShardJobs.run(
                spark, List.of(glob), out.toString(), tmp.resolve("work").toString(), scoreWork(true));
        assertEquals(3, outcomes.size());
        for (ShardOutcome o : outcomes) {
            assertEquals(ShardOutcome.State.DONE, o.state(), o.toString());
        }
        // three shards in one executor JVM: the model was loaded once and shared (other test classes of this JVM
        // may hold models of their own folders)
        assertEquals(
                List.of(ExecutorModels.key(modelRef().dir(), ai.djl.Device.cpu())),
                ExecutorModels.openKeys().stream()
                        .filter(k -> k.startsWith(modelRef().dir() + " on "))
                        .toList());

        // sample by sample against the single-machine CSV (6 decimals)
        Map<String, Double> expected = new HashMap<>();
        for (Path f : csvFiles(csv)) {
            List<String> lines = Files.readAllLines(f);
            assertEquals("key,clip_score", lines.get(0));
            for (String l : lines.subList(1, lines.size())) {
                String[] kv = l.split(",");
                expected.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        assertEquals(SAMPLES, expected.size(), "every generated sample has a caption and an image");
        List<Row> rows = parquet(out)
                .select("key", "score", "image_embedding", "text_embedding", "model")
                .collectAsList();
        assertEquals(SAMPLES, rows.size());
        for (Row r : rows) {
            Double e = expected.get(r.getString(0));
            assertNotNull(e, r.getString(0));
            assertEquals(e, r.getDouble(1), 1e-6, r.getString(0));
            // the score is the cosine of the two stored unit embeddings
            List<Float> img = r.getList(2);
            List<Float> txt = r.getList(3);
            assertEquals(ClipPresets.load("tiny").embedDim(), img.size());
            double dot = 0;
            double n = 0;
            for (int i = 0; i < img.size(); i++) {
                dot += img.get(i) * txt.get(i);
                n += img.get(i) * img.get(i);
            }
            assertEquals(1.0, n, 1e-5);
            assertEquals(dot, r.getDouble(1), 1e-5);
            assertEquals(model.toAbsolutePath().normalize().toString(), r.getString(4));
        }
        assertSameRows(parquet(single), parquet(out));
        assertTrue(parquet(out).filter("url IS NOT NULL AND caption <> ''").count() == SAMPLES);

        // a second run finds every shard finished and leaves the files alone
        Map<Path, FileTime> before = mtimes(out);
        for (ShardOutcome o : ShardJobs.run(
                spark, List.of(glob), out.toString(), tmp.resolve("work").toString(), scoreWork(true))) {
            assertEquals(ShardOutcome.State.SKIPPED, o.state(), o.toString());
            assertEquals(12, o.rows());
        }
        assertEquals(before, mtimes(out));
        // and so does the single-machine Parquet run
        Map<Path, FileTime> singleBefore = mtimes(single);
        cli(
                "score",
                glob,
                "--model",
                model.toString(),
                "--out",
                single.toString(),
                "--batch",
                "" + BATCH,
                "--format",
                "parquet",
                "--embeddings");
        assertEquals(singleBefore, mtimes(single));
        // a truncated single-machine file is redone, the others are left alone
        Path victim = single.resolve("00001.parquet");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(victim.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        cli(
                "score",
                glob,
                "--model",
                model.toString(),
                "--out",
                single.toString(),
                "--batch",
                "" + BATCH,
                "--format",
                "parquet",
                "--embeddings");
        assertEquals(
                singleBefore.get(single.resolve("00000.parquet")),
                Files.getLastModifiedTime(single.resolve("00000.parquet")));
        assertSameRows(parquet(single), parquet(out));
    }

    @Test
    void sparkAblateEqualsSingleMachineAblate_andItsParquetFile() throws Exception {
        Path csv = tmp.resolve("ablate-csv");
        List<String> common = List.of(
                "--ocr",
                ocr.toString(),
                "--model",
                model.toString(),
                "--batch",
                "" + BATCH,
                "--seed",
                "4",
                "--threads",
                "2");
        List<String> a = new ArrayList<>(List.of("ablate", glob, "--out", csv.toString()));
        a.addAll(common);
        cli(a.toArray(String[]::new));
        Path single = tmp.resolve("ablate-parquet");
        List<String> b = new ArrayList<>(List.of("ablate", glob, "--out", single.toString(), "--format", "parquet"));
        b.addAll(common);
        cli(b.toArray(String[]::new));
        assertTrue(Files.isRegularFile(single.resolve("table2").resolve("over-samples.csv")));
        Path out = tmp.resolve("spark-ablate");
        for (ShardOutcome o : ShardJobs.run(
                spark, List.of(glob), out.toString(), tmp.resolve("work").toString(), ablateWork(ocr.toString()))) {
            assertEquals(ShardOutcome.State.DONE, o.state(), o.toString());
        }

        List<AblationRow> expected = AblationCsv.readDir(csv);
        assertEquals(SAMPLES, expected.size());
        assertTrue(expected.stream().filter(r -> !Double.isNaN(r.sCo())).count() >= 3, "parrot captions present");
        Map<String, Row> got = new HashMap<>();
        for (Row r : parquet(out).collectAsList()) {
            got.put(r.getString(r.fieldIndex("key")), r);
        }
        assertEquals(SAMPLES, got.size());
        String[] columns = {"s_raw", "s_all", "s_co", "s_rand_all", "s_rand_co", "rsa", "rsc"};
        for (AblationRow e : expected) {
            Row r = got.get(e.key());
            assertNotNull(r, e.key());
            assertEquals(e.shard(), r.getString(r.fieldIndex("shard")));
            assertEquals(e.hasText(), r.getBoolean(r.fieldIndex("has_text")), e.key());
            double[] want = {e.sRaw(), e.sAll(), e.sCo(), e.sRandAll(), e.sRandCo(), e.rsa(), e.rsc()};
            for (int i = 0; i < columns.length; i++) {
                int c = r.fieldIndex(columns[i]);
                if (Double.isNaN(want[i])) {
                    assertTrue(r.isNullAt(c), e.key() + " " + columns[i] + " must be null");
                } else {
                    // the CSV rounds to 6 decimals; rsa and rsc are differences of two rounded values there
                    assertEquals(want[i], r.getDouble(c), i < 5 ? 5.1e-7 : 1.1e-6, e.key() + " " + columns[i]);
                }
            }
        }
        assertSameRows(parquet(single), parquet(out));
    }

    @Test
    void corruptShardAndShardWithoutOcrFailAlone_andTheJobCompletes() throws Exception {
        Path mixed = tmp.resolve("mixed");
        Files.createDirectories(mixed);
        Files.copy(shards.resolve("00000.tar"), mixed.resolve("00000.tar"));
        Files.copy(shards.resolve("00001.tar"), mixed.resolve("00009.tar")); // no OCR file under this name
        byte[] junk = new byte[3000];
        new java.util.Random(1).nextBytes(junk);
        Files.write(mixed.resolve("broken.tar"), junk);
        String specs = mixed.resolve("*.tar").toString();

        Path scored = tmp.resolve("spark-score-mixed");
        Map<String, ShardOutcome> s = byName(ShardJobs.run(
                spark, List.of(specs), scored.toString(), tmp.resolve("work").toString(), scoreWork(false)));
        assertEquals(ShardOutcome.State.DONE, s.get("00000").state());
        assertEquals(12, s.get("00000").rows());
        assertEquals(ShardOutcome.State.DONE, s.get("00009").state());
        assertEquals(
                ShardOutcome.State.FAILED,
                s.get("broken").state(),
                s.get("broken").toString());
        assertFailures(scored, "broken");
        assertEquals(24, parquet(scored).count());

        Path ablated = tmp.resolve("spark-ablate-mixed");
        Map<String, ShardOutcome> a = byName(ShardJobs.run(
                spark, List.of(specs), ablated.toString(), tmp.resolve("work").toString(), ablateWork(ocr.toString())));
        assertEquals(ShardOutcome.State.DONE, a.get("00000").state());
        assertEquals(ShardOutcome.State.FAILED, a.get("00009").state());
        assertTrue(
                a.get("00009").reason().contains("no OCR file"), a.get("00009").reason());
        assertEquals(ShardOutcome.State.FAILED, a.get("broken").state());
        assertFailures(ablated, "00009", "broken");

        // a truncated output is found damaged and redone; the finished ones are skipped
        Path victim = scored.resolve("00000.parquet");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(victim.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        Map<String, ShardOutcome> again = byName(ShardJobs.run(
                spark, List.of(specs), scored.toString(), tmp.resolve("work").toString(), scoreWork(false)));
        assertEquals(ShardOutcome.State.REDONE, again.get("00000").state());
        assertEquals(ShardOutcome.State.SKIPPED, again.get("00009").state());
        Row r = spark.sql("SELECT count(*), count(DISTINCT key) FROM parquet.`" + scored + "`")
                .first();
        assertEquals(24L, r.getLong(0));
        assertEquals(24L, r.getLong(1));
    }

    @Test
    void ocrFormatParquetEqualsSparkOcr() throws Exception {
        Path out = tmp.resolve("spark-ocr");
        for (ShardOutcome o : SparkOcrJob.run(
                spark,
                new SparkOcrJob.Config(
                        List.of(glob),
                        out.toString(),
                        "oracle",
                        1,
                        tmp.resolve("work").toString()))) {
            assertEquals(ShardOutcome.State.DONE, o.state(), o.toString());
        }
        assertEquals(3, csvLike(ocr, ".parquet").size());
        assertTrue(parquet(out).filter("has_text").count() > 0);
        assertSameRows(parquet(ocr), parquet(out));
    }

    @Test
    void sparkAblateReadsTheOcrOfSparkOcr_asItReadsTheJsonlOfOcr() throws Exception {
        Path sparkOcr = tmp.resolve("spark-ocr-for-ablate");
        SparkOcrJob.run(
                spark,
                new SparkOcrJob.Config(
                        List.of(glob),
                        sparkOcr.toString(),
                        "oracle",
                        1,
                        tmp.resolve("work").toString()));
        // the sample table gives back every OCR record of the JSONL file, field by field
        for (String shard : List.of("00000", "00001", "00002")) {
            List<String> want = new ArrayList<>();
            for (OcrRecord r : OcrJsonl.read(ocr.resolve(shard + ".jsonl"))) {
                want.add(OcrJsonl.toLine(r));
            }
            List<String> got = new ArrayList<>();
            for (var g : SampleSchema.TABLE.read(sparkOcr.resolve(shard + ".parquet"))) {
                got.add(OcrJsonl.toLine(SampleSchema.ocrRecord(g)));
            }
            assertEquals(want, got, shard);
        }
        Path fromJsonl = tmp.resolve("spark-ablate-jsonl");
        Path fromParquet = tmp.resolve("spark-ablate-parquet-ocr");
        for (ShardOutcome o : ShardJobs.run(
                spark,
                List.of(glob),
                fromJsonl.toString(),
                tmp.resolve("work").toString(),
                ablateWork(ocr.toString()))) {
            assertEquals(ShardOutcome.State.DONE, o.state(), o.toString());
        }
        for (ShardOutcome o : ShardJobs.run(
                spark,
                List.of(glob),
                fromParquet.toString(),
                tmp.resolve("work").toString(),
                ablateWork(sparkOcr.toString()))) {
            assertEquals(ShardOutcome.State.DONE, o.state(), o.toString());
        }
        assertEquals(SAMPLES, parquet(fromParquet).count());
        assertSameRows(parquet(fromJsonl), parquet(fromParquet));
    }

    static ScoreWork scoreWork(boolean embeddings) {
        return new ScoreWork(modelRef(), BATCH, 2, embeddings);
    }

    static ModelRef modelRef() {
        return new ModelRef(model.toAbsolutePath().normalize().toString(), null, "cpu");
    }

    static AblateWork ablateWork(String ocrDir) {
        return new AblateWork(ocrDir, modelRef(), BATCH, 2, 3, 2, "exact", 4, ImageDecoder.DEFAULT_MAX_PIXELS);
    }

    /** Same schema, same number of rows, and no row of either missing from the other (every column). */
    static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
        assertEquals(expected.schema(), actual.schema());
        assertEquals(expected.count(), actual.count());
        assertEquals(0, expected.exceptAll(actual).count(), "rows of the single-machine file not in Spark's");
        assertEquals(0, actual.exceptAll(expected).count(), "rows of Spark's file not in the single-machine one");
    }

    static void assertFailures(Path out, String... shards) throws Exception {
        var failed = Json.parse(Files.readString(out.resolve("_failures.json")))
                .getAsJsonObject()
                .getAsJsonArray("failed_shards");
        List<String> names = new ArrayList<>();
        failed.forEach(e -> names.add(e.getAsJsonObject().get("shard").getAsString()));
        assertEquals(List.of(shards), names.stream().sorted().toList());
        failed.forEach(e -> assertTrue(e.getAsJsonObject().has("reason"), e.toString()));
    }

    static Map<String, ShardOutcome> byName(List<ShardOutcome> outcomes) {
        Map<String, ShardOutcome> m = new HashMap<>();
        outcomes.forEach(o -> m.put(o.shard(), o));
        return m;
    }

    static List<Path> csvFiles(Path dir) throws Exception {
        return csvLike(dir, ".csv");
    }

    static List<Path> csvLike(Path dir, String suffix) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    static Map<Path, FileTime> mtimes(Path dir) throws Exception {
        Map<Path, FileTime> m = new HashMap<>();
        for (Path p : csvLike(dir, ".parquet")) {
            m.put(p, Files.getLastModifiedTime(p));
        }
        return m;
    }
}
