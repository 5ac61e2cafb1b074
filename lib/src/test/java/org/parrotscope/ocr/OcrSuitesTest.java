package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;

class OcrSuitesTest {

    @TempDir
    Path tmp;

    @Test
    void speedSuite_measuresEachSizeWithOneAndNThreads() throws Exception {
        List<OcrBenchmark.Result> streamed = new ArrayList<>();
        List<OcrBenchmark.Result> rows = OcrSpeedSuite.run(List.of("tesseract"), 2, 2, -1, null, streamed::add);
        assertEquals(rows, streamed);
        assertEquals(
                List.of("256x256/1", "256x256/2", "640x480/1", "640x480/2"),
                rows.stream()
                        .map(r -> r.width() + "x" + r.height() + "/" + r.threads())
                        .toList());
        rows.forEach(r -> assertEquals(2, r.images()));
    }

    @Test
    void accuracySuite_comparesEachEngineWithTheGeneratorsTruth() throws Exception {
        List<TestShards.Item> items = new ArrayList<>();
        items.add(TestShards.rendered("s0", TextImage.render(320, 120, TextImage.Background.PLAIN, 1, "SALE")));
        items.add(
                TestShards.rendered("s1", TextImage.render(320, 120, TextImage.Background.PLAIN, 2, "OPEN", "today")));
        items.add(TestShards.rendered("s2", TextImage.render(320, 120, TextImage.Background.PLAIN, 3)));
        Path data = TestShards.folder(tmp.resolve("data/shard"), items);
        List<Shard> shards = Datasets.resolve(List.of(data.toString()));
        Path runs = tmp.resolve("runs");
        List<OcrAccuracySuite.EngineAccuracy> got =
                OcrAccuracySuite.run(List.of("tesseract"), shards, runs, 1, a -> {});
        assertEquals(1, got.size());
        WordAccuracy a = got.get(0).accuracy();
        // drawn by hand above: 3 images, 3 words, 2 images with text
        assertEquals(3, a.images());
        assertEquals(3, a.truthWords());
        assertEquals(2, a.imagesWithTruthText());
        assertEquals(2.0 / 3, a.textRateTruth(), 1e-12);
        List<OcrRecord> spotted = OcrJsonl.read(OcrRun.outputOf(runs.resolve("tesseract"), shards.get(0)));
        assertEquals(spotted.stream().mapToLong(r -> r.words().size()).sum(), a.spottedWords());
        assertTrue(a.matchedCaseless() >= 1, a.toString()); // large black words on white: Tesseract reads some
        assertTrue(Files.isRegularFile(OcrRun.outputOf(runs.resolve("oracle"), shards.get(0))));
        assertEquals("tesseract", got.get(0).run().engine());
    }
}
