package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;

class OcrRunKillTest {

    /** Enough shards that the child is still busy when the first one is written (Tesseract reads ~50 images/s). */
    private static final int SHARDS = 10;

    @TempDir
    Path tmp;

    @Test
    void run_killedWithSigkillThenRestarted_hasEverySampleExactlyOnce() throws Exception {
        List<String> specs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < SHARDS; s++) {
            List<TestShards.Item> items = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String key = "s" + s + "_" + i;
                keys.add(key);
                items.add(TestShards.rendered(
                        key,
                        TextImage.render(
                                640, 480, TextImage.Background.BLOBS, 10 * s + i, "kill", "resume", "word" + i)));
            }
            specs.add(TestShards.folder(tmp.resolve("data/shard" + s), items).toString());
        }
        Path out = tmp.resolve("ocr");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                OcrRunChild.class.getName(),
                out.toString(),
                "tesseract"));
        cmd.addAll(specs);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process child = pb.start();
        Path first = out.resolve("shard0.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(first) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(first), "child wrote no shard: " + Files.readString(tmp.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        child.waitFor(30, TimeUnit.SECONDS);
        assertEquals(137, child.exitValue(), "child was not killed by SIGKILL");
        assertTrue(
                !Files.exists(out.resolve("shard" + (SHARDS - 1) + ".jsonl")),
                "the child finished before the kill; the test needs a slower run");

        OcrRun.builder()
                .setOut(out)
                .optEngine("tesseract")
                .optThreads(2)
                .buildRun()
                .run(Datasets.resolve(specs));

        List<String> seen = new ArrayList<>();
        for (int s = 0; s < SHARDS; s++) {
            OcrJsonl.read(out.resolve("shard" + s + ".jsonl")).forEach(r -> seen.add(r.key()));
        }
        assertEquals(keys, seen); // every sample exactly once, in order
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of(),
                    files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                            .toList());
        }
    }

    @Test
    void run_killedInsideAShard_resumesFromItsJournal() throws Exception {
        List<TestShards.Item> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add("k" + i);
            items.add(TestShards.rendered(
                    "k" + i, TextImage.render(640, 480, TextImage.Background.BLOBS, i, "journal", "word" + i)));
        }
        String spec = TestShards.folder(tmp.resolve("data/one"), items).toString();
        Path out = tmp.resolve("ocr");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.awt.headless=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OcrRunChild.class.getName(),
                        out.toString(),
                        "tesseract",
                        spec)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process child = pb.start();
        Path journal =
                org.parrotscope.util.ShardOutput.of(out.resolve("one.jsonl")).journal();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (journalLines(journal) < 5 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        assertEquals(137, child.exitValue(), "child was not killed: " + Files.readString(tmp.resolve("child.log")));
        long journaled = journalLines(journal);
        assertTrue(journaled >= 5 && !Files.exists(out.resolve("one.jsonl")), "killed inside the shard");

        OcrSummary s = OcrRun.builder()
                .setOut(out)
                .optEngine("tesseract")
                .optThreads(2)
                .buildRun()
                .run(Datasets.resolve(List.of(spec)));

        // the journal's complete lines were kept (a torn last line is redone), so at most 40 - (journaled - 1)
        assertTrue(s.samples() <= 40 - (journaled - 1), s.samples() + " spotted again after " + journaled);
        assertEquals(
                keys,
                OcrJsonl.read(out.resolve("one.jsonl")).stream()
                        .map(OcrRecord::key)
                        .toList());
    }

    private static long journalLines(Path journal) throws java.io.IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        return Files.readString(journal).chars().filter(c -> c == '\n').count();
    }
}
