package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parrotscope.data.Datasets;

/**
 * The speed paths of {@code ppocr} give the words of the plain path: batched recognition against one line at a
 * time, the probe against always enlarging, and per-thread reused buffers against fresh ones, on mini-LAION images.
 */
class PpOcrSpeedPathsTest {

    /** Mini-LAION images of shard 00000: the first 40, with and without text. */
    private static List<OcrComparison.Truthed> images;

    private static TextSpotter plain;

    @BeforeAll
    static void open() throws Exception {
        assumeTrue(PpOcrModels.present(), "PP-OCR models not installed (run environment/bootstrap)");
        Path shard = Path.of(System.getProperty("parrotscope.root", ".")).resolve("data-samples/mini-laion/00000.tar");
        assumeTrue(Files.isRegularFile(shard), "data-samples/mini-laion missing");
        images = OcrComparison.load(Datasets.resolve(List.of(shard.toString())), 40);
        // one line per run, always enlarged: the reference the fast paths must reproduce
        plain = TextSpotters.create(
                PpOcrSpotter.NAME,
                OcrOptions.builder().optRecBatchSize(1).optDetProbe(false).build());
    }

    @AfterAll
    static void close() {
        if (plain != null) {
            plain.close();
        }
    }

    @Test
    void batchedRecognition_sameWordsAsOneLineAtATime() throws Exception {
        // mini-LAION lines are narrower than 320 px at height 48, so every batch is padded to 320 as each line alone
        // is: no padding effect, the words must be identical
        try (TextSpotter batched = TextSpotters.create(
                PpOcrSpotter.NAME,
                OcrOptions.builder().optRecBatchSize(6).optDetProbe(false).build())) {
            int lines = 0;
            for (OcrComparison.Truthed t : images) {
                List<SpottedWord> want = plain.spot(t.image());
                assertEquals(texts(want), texts(batched.spot(t.image())), t.key());
                lines += want.size();
            }
            assertTrue(lines >= 40, "too few words to compare: " + lines);
        }
    }

    @Test
    void probe_sameWordsAsAlwaysEnlarging_andSkipsTextFreeImages() throws Exception {
        try (TextSpotter probed = TextSpotters.create(
                PpOcrSpotter.NAME, OcrOptions.builder().optRecBatchSize(1).build())) {
            int withTruth = 0;
            for (OcrComparison.Truthed t : images) {
                assertEquals(plain.spot(t.image()), probed.spot(t.image()), t.key());
                withTruth += t.truth().isEmpty() ? 0 : 1;
            }
            assertTrue(withTruth > 5 && withTruth < images.size(), "need images with and without text");
            BufferedImage white = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
            white.getGraphics().fillRect(0, 0, 200, 150);
            assertEquals(List.of(), probed.spot(white));
        }
    }

    @Test
    void reusedBuffers_twoThreadsOnDifferentSizes_sameWordsAsOneThread() throws Exception {
        // alternate a large and a small image on two threads, so each thread's buffers are reused at other sizes
        List<BufferedImage> mixed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            mixed.add(images.get(i).image());
            mixed.add(TextImage.render(640, 480, TextImage.Background.BLOBS, i, "Parrot", "captions", "teach")
                    .image());
        }
        try (TextSpotter fast = TextSpotters.create(PpOcrSpotter.NAME, OcrOptions.defaults())) {
            List<List<SpottedWord>> single = new ArrayList<>();
            for (BufferedImage img : mixed) {
                single.add(fast.spot(img));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<SpottedWord>>> jobs = new ArrayList<>();
                for (BufferedImage img : mixed) {
                    jobs.add(pool.submit(() -> fast.spot(img)));
                }
                for (int i = 0; i < mixed.size(); i++) {
                    assertEquals(single.get(i), jobs.get(i).get(), "image " + i);
                }
            } finally {
                pool.shutdown();
            }
            Spotting.assertSameOnTwoThreads(fast, mixed.get(1));
        }
    }

    @Test
    void upscaleChoice_parsesTargetAndProbe() {
        OcrOptions base = OcrOptions.defaults();
        OcrOptions a = OcrComparison.upscaleChoice("448", base);
        assertEquals(448, a.detUpscaleTo());
        assertEquals(false, a.detProbe());
        OcrOptions b = OcrComparison.upscaleChoice(" 640/probe", base);
        assertEquals(640, b.detUpscaleTo());
        assertEquals(true, b.detProbe());
        OcrOptions c = OcrComparison.upscaleChoice("640/w320", base);
        assertEquals(320, c.recMinWidth());
        assertEquals(false, c.detProbe());
        assertThrows(IllegalArgumentException.class, () -> OcrComparison.upscaleChoice("big", base));
        assertThrows(IllegalArgumentException.class, () -> OcrComparison.upscaleChoice("640/fast", base));
    }

    private static List<String> texts(List<SpottedWord> words) {
        return words.stream().map(SpottedWord::text).toList();
    }
}
