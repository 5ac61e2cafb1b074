package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.edit.AblationRun;
import org.parrotscope.edit.Variant;
import org.parrotscope.util.Progress;
import picocli.CommandLine;

/** {@code parrotscope ocr} then {@code parrotscope ablate} on generated shards with a random tiny CLIP. */
class AblateCommandTest {

    @TempDir
    Path tmp;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        assertEquals(0, rc, "exit code; stderr: " + err);
        return out.toString();
    }

    @Test
    void ablate_writesRowsAndTable2_overSamplesAndClusters_andResumes() throws Exception {
        Path pool = tmp.resolve("pool");
        MiniLaionWriter.write(
                new MiniLaion(SynthConfig.builder()
                        .setSeed(8)
                        .setSamples(30)
                        .optShardSize(15)
                        .optImageSize(64)
                        .build()),
                pool,
                Progress.silent());
        String shards = pool.resolve("*.tar").toString();
        Path ocr = tmp.resolve("ocr");
        run("ocr", shards, "--engine", "oracle", "--out", ocr.toString(), "--threads", "2");
        Path model = tmp.resolve("model");
        try (ClipModel m = ClipModel.create(ClipPresets.load("tiny"), 5)) {
            m.save(model);
        }
        Path out = tmp.resolve("ablate");
        String[] args = {
            "ablate",
            shards,
            "--ocr",
            ocr.toString(),
            "--model",
            model.toString(),
            "--out",
            out.toString(),
            "--threads",
            "2",
            "--device",
            "cpu",
            "--write-images"
        };
        String first = run(args);
        assertTrue(first.contains("\"shards_done\": 2"), first);
        assertTrue(first.contains("Table 2 (over samples)"), first);
        assertTrue(first.contains("over samples only"), first);
        assertTrue(first.contains("0.3358"), "the paper's raw w/ text mean is printed beside ours:\n" + first);

        List<String> a = Files.readAllLines(out.resolve("00000.csv"), StandardCharsets.UTF_8);
        List<String> b = Files.readAllLines(out.resolve("00001.csv"), StandardCharsets.UTF_8);
        assertEquals("key,shard,has_text,s_raw,s_all,s_co,s_rand_all,s_rand_co,rsa,rsc", a.get(0));
        assertEquals(30, a.size() - 1 + b.size() - 1, "one row per sample");
        List<String> table = Files.readAllLines(out.resolve("table2/over-samples.csv"), StandardCharsets.UTF_8);
        assertEquals(7, table.size(), "header and six setups");
        assertFalse(Files.exists(out.resolve("table2/over-clusters.csv")));
        String textKey = a.stream()
                .skip(1)
                .filter(l -> l.split(",")[2].equals("true"))
                .map(l -> l.split(",")[0])
                .findFirst()
                .orElseThrow();
        for (Variant v : List.of(Variant.RAW, Variant.ALL, Variant.RAND_ALL)) {
            Path png = AblationRun.imageOf(out, "00000", textKey, v);
            assertTrue(Files.size(png) > 0, "edited image written: " + png);
        }

        // clusters: shard 0 is cluster "a", shard 1 is "b"; the raw-without-text row is the mean of the two
        // shards' own means, computed here from the per-sample files
        StringBuilder csv = new StringBuilder("key,cluster\n");
        Map<String, double[]> acc = new TreeMap<>();
        for (List<String> lines : List.of(a, b)) {
            for (String l : lines.subList(1, lines.size())) {
                String[] f = l.split(",", -1);
                String cluster = f[1].equals("00000") ? "a" : "b";
                csv.append(f[0]).append(',').append(cluster).append('\n');
                if (f[2].equals("false")) {
                    double[] s = acc.computeIfAbsent(cluster, k -> new double[2]);
                    s[0] += Double.parseDouble(f[3]);
                    s[1]++;
                }
            }
        }
        Path clusters = tmp.resolve("clusters.csv");
        Files.writeString(clusters, csv.toString(), StandardCharsets.UTF_8);
        String[] withClusters = java.util.Arrays.copyOf(args, args.length + 2);
        withClusters[args.length] = "--clusters";
        withClusters[args.length + 1] = clusters.toString();
        String second = run(withClusters);
        assertTrue(second.contains("\"shards_resumed\": 2"), second);
        assertTrue(second.contains("\"shards_done\": 0"), second);
        List<String> byCluster = Files.readAllLines(out.resolve("table2/over-clusters.csv"), StandardCharsets.UTF_8);
        String rawNoText = byCluster.stream()
                .filter(l -> l.startsWith("Raw w/o Emb. Text,"))
                .findFirst()
                .orElseThrow();
        String[] f = rawNoText.split(",");
        assertEquals("clusters", f[2]);
        assertEquals(acc.size(), Integer.parseInt(f[3]));
        double expected =
                acc.values().stream().mapToDouble(s -> s[0] / s[1]).average().orElseThrow();
        assertEquals(expected, Double.parseDouble(f[4]), 1e-9);
    }
}
