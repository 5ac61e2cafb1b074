package org.parrotscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.clip.SafeDType;
import org.parrotscope.clip.SafetensorsWriter;
import org.parrotscope.curate.Candidate;
import org.parrotscope.curate.ClusterAssignments;
import org.parrotscope.curate.ClusterComposition;
import org.parrotscope.curate.ClusterConfig;
import org.parrotscope.curate.ClusterModel;
import org.parrotscope.curate.ClusterRun;
import org.parrotscope.curate.Criterion;
import org.parrotscope.curate.CurationInputs;
import org.parrotscope.curate.CurationRun;
import org.parrotscope.curate.Curations;
import org.parrotscope.curate.Curator;
import org.parrotscope.curate.DebiasedRecipe;
import org.parrotscope.curate.Embeddings;
import org.parrotscope.curate.Subset;
import org.parrotscope.curate.SubsetTooSmallException;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import tech.tablesaw.api.Table;

/**
 * {@code spark cluster} and {@code spark curate} against {@code cluster} and {@code curate} on the same
 * mini-LAION (oracle OCR): embeddings drawn around four well-separated centres, CLIP scores and relative scores
 * drawn at random and written as the single-machine commands write them.
 */
class SparkClusterCurateTest {

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static List<Shard> shards;
    static List<String> specs;
    static Path ocr;
    static String parquet;
    static Path embeddings;
    static Path scores;
    static Path ablation;
    /** The centre each key's embedding was drawn around: the clusters to recover. */
    static final Map<String, Integer> TRUE_CLUSTER = new HashMap<>();

    static final int DIM = 16;
    static final int K = 4;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("SparkClusterCurateTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3")
                .getOrCreate();
        Path data = tmp.resolve("mini-laion");
        MiniLaionWriter.write(
                new MiniLaion(SynthConfig.builder()
                        .setSeed(5)
                        .setSamples(400)
                        .optShardSize(100)
                        .optImageSize(64)
                        .build()),
                data,
                Progress.silent());
        specs = List.of(data.resolve("*.tar").toString());
        shards = Datasets.resolve(specs);
        ocr = tmp.resolve("ocr");
        OcrRun.builder()
                .setOut(ocr)
                .optEngine("oracle")
                .optThreads(2)
                .buildRun()
                .run(shards);
        parquet = tmp.resolve("parquet").toString();
        SparkOcrJob.run(
                spark,
                new SparkOcrJob.Config(
                        specs, parquet, "oracle", 1, tmp.resolve("work").toString()));
        Map<String, Boolean> hasText = new HashMap<>();
        CurationInputs.fromOcr(shards, specs, ocr, Progress.silent())
                .candidates()
                .forEach(c -> hasText.put(c.key(), c.hasText()));
        embeddings = Files.createDirectories(tmp.resolve("embeddings"));
        scores = Files.createDirectories(tmp.resolve("scores"));
        ablation = Files.createDirectories(tmp.resolve("ablation"));
        Random rng = new Random(3);
        for (Shard s : shards) {
            List<String> keys = new ArrayList<>();
            try (SampleStream in = s.open(new SkipLog())) {
                for (Sample x : in) {
                    keys.add(x.key());
                }
            }
            List<float[]> rows = new ArrayList<>();
            StringBuilder sc = new StringBuilder("key,clip_score\n");
            StringBuilder ab = new StringBuilder(String.join(",", CurationInputs.ABLATION_HEADER) + "\n");
            for (String key : keys) {
                int c = rng.nextInt(K);
                TRUE_CLUSTER.put(key, c);
                float[] v = new float[DIM];
                for (int j = 0; j < DIM; j++) {
                    v[j] = (float) rng.nextGaussian() + (j == c ? 10f : 0f);
                }
                rows.add(v);
                double s0 = 0.1 + 0.4 * rng.nextDouble();
                sc.append(key)
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.6f", s0))
                        .append('\n');
                boolean text = hasText.getOrDefault(key, false);
                String rsa = text ? String.format(Locale.ROOT, "%.6f", -0.2 + 0.6 * rng.nextDouble()) : "";
                String rsc = text ? String.format(Locale.ROOT, "%.6f", -0.2 + 0.6 * rng.nextDouble()) : "";
                ab.append(String.join(
                                ",",
                                key,
                                s.name(),
                                Boolean.toString(text),
                                String.format(Locale.ROOT, "%.6f", s0),
                                "",
                                "",
                                "",
                                "",
                                rsa,
                                rsc))
                        .append('\n');
            }
            JsonArray k = new JsonArray();
            keys.forEach(k::add);
            Map<String, SafetensorsWriter.Tensor> t = new LinkedHashMap<>();
            t.put("image_embeds", SafetensorsWriter.Tensor.ofRows(rows, DIM));
            SafetensorsWriter.write(
                    embeddings.resolve(s.name() + Embeddings.SUFFIX), t, SafeDType.F32, Map.of("keys", k.toString()));
            Files.writeString(scores.resolve(s.name() + ".csv"), sc, StandardCharsets.UTF_8);
            Files.writeString(ablation.resolve(s.name() + ".csv"), ab, StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    static ClusterConfig config() {
        return ClusterConfig.builder()
                .optK(K)
                .optComponents(8)
                .optSeed(42)
                .optThreads(2)
                .build();
    }

    @Test
    void sparkClustersEqualSingleMachineUpToLabels_andTheCompositionTablesAgree() throws Exception {
        Path single = tmp.resolve("cluster-single");
        Path viaSpark = tmp.resolve("cluster-spark");
        ClusterRun.run(Embeddings.read(List.of(embeddings)), config(), null, 2, single);
        SparkCluster.Result r = SparkCluster.run(
                spark, List.of(embeddings.toString()), config(), SparkCluster.INIT_PARALLEL, null, 2, viaSpark);
        assertEquals(TRUE_CLUSTER.size(), r.assigned());
        assertEquals(K, r.nonEmpty());

        Map<String, Integer> a = ClusterAssignments.read(single.resolve(ClusterRun.ASSIGNMENTS));
        Map<String, Integer> b = ClusterAssignments.read(viaSpark.resolve(ClusterRun.ASSIGNMENTS));
        assertEquals(new ArrayList<>(a.keySet()), new ArrayList<>(b.keySet()), "same keys, same order");
        int[] sparkToSingle = permutation(b, a);
        // both recover the centres the embeddings were drawn around
        permutation(a, TRUE_CLUSTER);

        // the saved model is the library's format: single-machine assignment with it gives Spark's labels
        ClusterModel saved = ClusterModel.load(viaSpark.resolve(ClusterRun.MODEL));
        Embeddings e = Embeddings.read(List.of(embeddings));
        int[] again = saved.assign(e, 2);
        for (int i = 0; i < e.size(); i++) {
            assertEquals(b.get(e.keys().get(i)), again[i], e.keys().get(i));
        }

        // Fig. 3a's table: Spark SQL on Spark's clusters against the library on the single-machine clusters
        CurationInputs in = CurationInputs.fromOcr(shards, specs, ocr, Progress.silent())
                .withScores(scores)
                .withClusters(single.resolve(ClusterRun.ASSIGNMENTS));
        Table expected = ClusterComposition.table(in, null);
        Dataset<Row> cands = SparkCandidates.withClusters(
                spark,
                SparkCandidates.withScores(
                        spark, SparkCandidates.fromParquet(spark, parquet, List.of()), scores.toString()),
                viaSpark.resolve(ClusterRun.ASSIGNMENTS).toString());
        Table actual = SparkComposition.table(spark, cands, null);
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(K, expected.rowCount());
        assertEquals(K, actual.rowCount());
        for (int row = 0; row < K; row++) {
            assertEquals(
                    expected.intColumn(ClusterComposition.CLUSTER).getInt(row),
                    sparkToSingle[actual.intColumn(ClusterComposition.CLUSTER).getInt(row)],
                    "cluster of row " + row);
            for (int c = 1; c < expected.columnCount(); c++) {
                Object ev = expected.column(c).get(row);
                Object av = actual.column(c).get(row);
                String where = expected.column(c).name() + "[" + row + "]";
                if (ev instanceof Double d) {
                    SparkJobsTest.assertClose(d, (Double) av, where);
                } else {
                    assertEquals(ev, av, where);
                }
            }
        }
    }

    /** Checks that the labels of {@code from} map one to one onto those of {@code to}; returns the map. */
    static int[] permutation(Map<String, Integer> from, Map<String, Integer> to) {
        Map<Integer, Integer> f = new HashMap<>();
        Map<Integer, Integer> back = new HashMap<>();
        for (Map.Entry<String, Integer> en : from.entrySet()) {
            int x = en.getValue();
            int y = to.get(en.getKey());
            assertEquals(y, f.computeIfAbsent(x, z -> y), "label " + x + " maps to one label");
            assertEquals(x, back.computeIfAbsent(y, z -> x), "label " + y + " comes from one label");
        }
        assertEquals(K, f.size());
        int[] out = new int[K];
        f.forEach((x, y) -> out[x] = y);
        return out;
    }

    @Test
    void sparkCurationsHaveTheSinglePoolsAndSizes_andADeterministicSample() throws Exception {
        Path clusters = tmp.resolve("cluster-for-curate");
        ClusterRun.run(Embeddings.read(List.of(embeddings)), config(), null, 0, clusters);
        DebiasedRecipe recipe = DebiasedRecipe.builder().optDedupCosine(0.9).build();
        List<String> criteria = List.of("I", "II", "III", "debiased");
        Path singleOut = tmp.resolve("curate-single");
        CurationRun.Result single = CurationRun.run(
                new CurationRun.Request(
                        shards,
                        specs,
                        ocr,
                        scores,
                        ablation,
                        clusters.resolve(ClusterRun.ASSIGNMENTS),
                        List.of(embeddings),
                        null,
                        criteria,
                        recipe,
                        0,
                        7,
                        singleOut),
                Progress.silent());
        Path sparkOut = tmp.resolve("curate-spark");
        SparkCurate.Request req = new SparkCurate.Request(
                List.of(),
                specs,
                parquet,
                scores.toString(),
                ablation.toString(),
                clusters.resolve(ClusterRun.ASSIGNMENTS).toString(),
                List.of(embeddings.toString()),
                null,
                criteria,
                recipe,
                0,
                7,
                sparkOut);
        SparkCurate.Result r = SparkCurate.run(spark, req);
        assertEquals(single.inputs().candidates().size(), r.candidates());
        assertEquals(single.subsets().size(), r.subsets().size());
        List<Candidate> all = single.inputs().candidates();
        int exact = 0;
        for (int i = 0; i < r.subsets().size(); i++) {
            Subset s = single.subsets().get(i);
            Subset p = r.subsets().get(i);
            Criterion c = s.criterion();
            assertEquals(c.id(), p.criterion().id());
            assertEquals(c.label(), p.criterion().label());
            // the pool by the library's own predicate over the library's candidates
            Set<String> pool = new HashSet<>();
            all.stream().filter(c.test()).forEach(x -> pool.add(x.key()));
            assertEquals(pool.size(), s.pool(), c.id());
            assertEquals(s.pool(), p.pool(), c.id() + " pool");
            assertEquals(s.keys().size(), p.keys().size(), c.id() + " size");
            assertTrue(pool.containsAll(p.keys()), c.id() + ": every Spark key meets the criterion");
            assertEquals(p.keys().size(), new HashSet<>(p.keys()).size(), c.id() + " keys are distinct");
            if (s.keys().size() == s.pool()) {
                assertEquals(s.keys(), p.keys(), c.id() + ": a subset that is its whole pool is the same");
                exact++;
            }
            JsonObject m = Json.parse(Files.readString(sparkOut.resolve(c.id() + ".json")))
                    .getAsJsonObject();
            JsonObject n = Json.parse(Files.readString(singleOut.resolve(c.id() + ".json")))
                    .getAsJsonObject();
            assertEquals(n.get("shards"), m.get("shards"));
            assertEquals(n.get("criterion"), m.get("criterion"));
            assertEquals(
                    n.getAsJsonArray("keys").size(), m.getAsJsonArray("keys").size());
        }
        assertTrue(exact >= 4, "each curation's smallest pool is sampled whole: " + exact);
        assertTrue(single.subsets().stream().anyMatch(s -> s.keys().size() < s.pool()), "some pools are sampled");

        // subsets.csv: Spark SQL's means against the library's statistics of the same subsets
        Table expected = Curator.statistics(single.inputs(), r.subsets());
        Table actual = r.statistics();
        assertEquals(expected.columnNames(), actual.columnNames());
        for (int row = 0; row < expected.rowCount(); row++) {
            for (int c = 0; c < expected.columnCount(); c++) {
                Object ev = expected.column(c).get(row);
                Object av = actual.column(c).get(row);
                if (ev instanceof Double d) {
                    SparkJobsTest.assertClose(d, (Double) av, expected.column(c).name() + "[" + row + "]");
                } else {
                    assertEquals(ev, av, expected.column(c).name() + "[" + row + "]");
                }
            }
        }

        // the sample depends on the seed only, not on the partitioning
        Dataset<Row> cands = SparkCurate.candidates(spark, req);
        Map<Criterion, Column> two = new LinkedHashMap<>();
        for (Criterion c : Curations.curationII()) {
            two.put(c, SparkCurate.column(c));
        }
        List<Subset> a = SparkCurate.sample(cands, two, 0, 7);
        List<Subset> b = SparkCurate.sample(cands.repartition(7), two, 0, 7);
        List<Subset> other = SparkCurate.sample(cands, two, 0, 8);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).keys(), b.get(i).keys());
        }
        assertTrue(!a.get(1).keys().equals(other.get(1).keys()), "another seed draws another sample");

        // a size larger than a pool fails with the library's message
        int big = single.subsets().stream().mapToInt(Subset::pool).max().orElseThrow();
        SubsetTooSmallException want = assertThrows(
                SubsetTooSmallException.class, () -> Curator.curate(single.inputs(), Curations.curationII(), big, 7));
        SubsetTooSmallException got =
                assertThrows(SubsetTooSmallException.class, () -> SparkCurate.sample(cands, two, big, 7));
        assertEquals(want.getMessage(), got.getMessage());
        cands.unpersist();
    }
}
