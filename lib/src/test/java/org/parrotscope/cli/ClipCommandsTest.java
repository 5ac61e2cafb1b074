package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.clip.SafetensorsFile;
import picocli.CommandLine;

class ClipCommandsTest {

    private static final String FIXTURE = "openclip-tiny-quickgelu";

    @TempDir
    Path tmp;

    private static Path fixtures() {
        return org.parrotscope.clip.Fixtures.root();
    }

    /** A model folder of symlinks to the fixture's config and weights and the shared BPE vocabulary. */
    private Path modelDir() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("model"));
        for (String f : new String[] {"config.json", "model.safetensors"}) {
            Files.createSymbolicLink(dir.resolve(f), fixtures().resolve(FIXTURE).resolve(f));
        }
        Files.createSymbolicLink(dir.resolve("bpe_simple_vocab_16e6.txt.gz"), org.parrotscope.clip.Fixtures.bpe());
        return dir;
    }

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

    private static float[] floats(Path file, String name) throws Exception {
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            return f.floats(name);
        }
    }

    @Test
    void embed_writesNormalisedEmbeddingsAndOpenClipsCosineMatrix() throws Exception {
        Path model = modelDir();
        Path pairs = tmp.resolve("pairs/pairs.jsonl");
        Files.createDirectories(pairs.getParent());
        Files.createSymbolicLink(
                pairs.getParent().resolve("images"), fixtures().resolve(FIXTURE).resolve("images"));
        List<String> caps = org.parrotscope.clip.ClipTestAccess.captions(FIXTURE);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(org.parrotscope.util.Json.COMPACT.toJson(
                            java.util.Map.of("image", "images/img" + i + ".png", "caption", caps.get(i))))
                    .append('\n');
        }
        Files.writeString(pairs, sb.toString(), StandardCharsets.UTF_8);
        Path out = tmp.resolve("embeds.safetensors");
        String printed =
                run("embed", "--model", model.toString(), "--pairs", pairs.toString(), "--out", out.toString());
        assertTrue(printed.contains("4 pairs"), printed);
        float[] cos = floats(out, "cosine");
        float[] expected = floats(fixtures().resolve(FIXTURE).resolve("expected.safetensors"), "cosine");
        assertEquals(16, cos.length);
        for (int i = 0; i < 16; i++) {
            assertEquals(expected[i], cos[i], 1.5e-3, "cosine[" + i / 4 + "][" + i % 4 + "]");
        }
        float[] img = floats(out, "image_embeds");
        float[] expImg = floats(fixtures().resolve(FIXTURE).resolve("expected.safetensors"), "image_embeds");
        for (int i = 0; i < img.length; i++) {
            assertEquals(expImg[i], img[i], 2e-3);
        }
    }

    @Test
    void score_writesOneRowPerSampleAndResumesFinishedShards() throws Exception {
        Path model = modelDir();
        Path data = org.parrotscope.clip.ClipTestAccess.datasetFolder(tmp.resolve("data/shard-7"), FIXTURE);
        Path out = tmp.resolve("scores");
        String first = run(
                "score",
                data.toString(),
                "--model",
                model.toString(),
                "--out",
                out.toString(),
                "--batch",
                "3",
                "--embeddings");
        assertTrue(first.contains("shard-7: 4 scored, 1 skipped"), first);
        List<String> lines = Files.readAllLines(out.resolve("shard-7.csv"));
        assertEquals("key,clip_score", lines.get(0));
        assertEquals(5, lines.size());
        float[] expected = floats(fixtures().resolve(FIXTURE).resolve("expected.safetensors"), "cosine");
        for (int i = 0; i < 4; i++) {
            String[] kv = lines.get(i + 1).split(",");
            assertEquals("img" + i, kv[0]);
            assertEquals(expected[i * 4 + i], Float.parseFloat(kv[1]), 1.5e-3);
        }
        try (SafetensorsFile f = SafetensorsFile.open(out.resolve("shard-7.embeddings.safetensors"))) {
            assertEquals(
                    List.of(4L, 32L),
                    java.util.Arrays.stream(f.info("image_embeds").shape())
                            .boxed()
                            .toList());
            assertEquals("[\"img0\",\"img1\",\"img2\",\"img3\"]", f.metadata().get("keys"));
        }
        assertEquals(1, Files.readAllLines(out.resolve("shard-7.skipped.jsonl")).size());
        String second =
                run("score", data.toString(), "--model", model.toString(), "--out", out.toString(), "--embeddings");
        assertTrue(second.contains("shard-7: already scored, skipped"), second);
        String jsonl = run(
                "score", data.toString(), "--model", model.toString(), "--out", out.toString(), "--format", "jsonl");
        assertTrue(jsonl.contains("4 scored"), jsonl);
        assertTrue(Files.readAllLines(out.resolve("shard-7.jsonl"))
                .get(0)
                .startsWith("{\"key\":\"img0\",\"clip_score\":"));
    }

    @Test
    void benchClip_printsOneRowPerTaskAndBatchAndPeakMemory() {
        String out = run("bench", "clip", "--preset", "tiny", "--batches", "1,3", "--seconds", "0");
        assertTrue(
                out.contains("CLIP tiny, random weights, "
                        + String.format(
                                java.util.Locale.ROOT,
                                "%,d",
                                org.parrotscope.clip.ClipPresets.load("tiny").parameterCount())
                        + " parameters"),
                out);
        for (String row : new String[] {"image 1", "text 1", "image 3", "text 3"}) {
            assertTrue(out.lines().anyMatch(l -> l.replaceAll(" +", " ").startsWith(row + " ")), row + " in\n" + out);
        }
        assertTrue(out.contains("peak JVM heap") && out.contains("VmHWM"), out);
    }
}
