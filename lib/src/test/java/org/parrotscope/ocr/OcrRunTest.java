package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Shard;

class OcrRunTest {

    @TempDir
    Path tmp;

    private List<TextImage> images = new ArrayList<>();

    /** Two folder shards a (3 samples) and b (3 samples) with rendered words and truth. */
    private List<Shard> twoShards() throws IOException {
        for (String name : List.of("a", "b")) {
            List<TestShards.Item> items = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                TextImage t = TextImage.render(64, 48, TextImage.Background.PLAIN, i, "w" + name + i, "x");
                images.add(t);
                items.add(TestShards.rendered(name + i, t));
            }
            TestShards.folder(tmp.resolve("data/" + name), items);
        }
        return Datasets.resolve(
                List.of(tmp.resolve("data/a").toString(), tmp.resolve("data/b").toString()));
    }

    private static OcrRunConfig.Builder oracle(Path out) {
        return OcrRun.builder().optEngine("oracle").setOut(out).optThreads(2);
    }

    @Test
    void run_oracle_writesOneRecordPerSampleInShardOrderWithTruthWords() throws IOException {
        List<Shard> shards = twoShards();
        Path out = tmp.resolve("ocr");
        OcrSummary s = oracle(out).buildRun().run(shards);
        assertEquals(2, s.shardsWritten());
        assertEquals(6, s.samples());
        assertEquals(12, s.words());
        List<OcrRecord> a = OcrJsonl.read(out.resolve("a.jsonl"));
        assertEquals(List.of("a0", "a1", "a2"), a.stream().map(OcrRecord::key).toList());
        OcrRecord r = a.get(1);
        assertEquals("oracle", r.engine());
        assertEquals(64, r.width());
        assertEquals(48, r.height());
        assertNull(r.error());
        assertEquals(
                List.of("wa1", "x"), r.words().stream().map(SpottedWord::text).toList());
        assertEquals(images.get(1).words().get(0).box(), r.words().get(0).box());
        assertEquals(1f, r.words().get(0).confidence());
        // one summary file per run, with the counts
        try (Stream<Path> files = Files.list(out)) {
            Path summary = files.filter(p -> p.getFileName().toString().startsWith("ocr-run-"))
                    .findFirst()
                    .orElseThrow();
            JsonObject o = JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
            assertEquals(6, o.get("samples").getAsInt());
            assertEquals("oracle", o.get("engine").getAsString());
        }
    }

    @Test
    void run_withSharedEngine_usesItAndLeavesItOpen() throws IOException {
        List<Shard> shards = twoShards();
        Path out = tmp.resolve("ocr");
        int[] spotted = {0};
        boolean[] closed = {false};
        SampleSpotter shared = new SampleSpotter() {
            @Override
            public String name() {
                return "oracle";
            }

            @Override
            public List<SpottedWord> spot(org.parrotscope.data.Sample sample, java.awt.image.BufferedImage image) {
                synchronized (spotted) {
                    spotted[0]++;
                }
                return List.of();
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        OcrSummary s = oracle(out).buildRun().run(shards, shared);
        assertEquals(6, s.samples());
        assertEquals(6, spotted[0]);
        assertEquals(0, s.words());
        assertEquals(false, closed[0]);
        // an engine other than the run's is refused before anything is written
        SampleSpotter other = SampleSpotter.of(TextSpotters.create("tesseract", OcrOptions.defaults()));
        try (other) {
            Path elsewhere = tmp.resolve("ocr2");
            org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class,
                    () -> oracle(elsewhere).buildRun().run(shards, other));
            assertEquals(false, Files.exists(elsewhere));
        }
    }

    @Test
    void run_again_skipsFinishedShardsAndRedoesMissingOnes() throws IOException {
        List<Shard> shards = twoShards();
        Path out = tmp.resolve("ocr");
        oracle(out).buildRun().run(shards);
        String a = Files.readString(out.resolve("a.jsonl"));
        Files.delete(out.resolve("b.jsonl"));
        OcrSummary again = oracle(out).buildRun().run(shards);
        assertEquals(1, again.shardsAlreadyDone());
        assertEquals(1, again.shardsWritten());
        assertEquals(3, again.samples());
        assertEquals(a, Files.readString(out.resolve("a.jsonl")));
        assertEquals(3, OcrJsonl.read(out.resolve("b.jsonl")).size());
    }

    @Test
    void run_limit_cutsAShardWhichALaterRunCompletes() throws IOException {
        List<Shard> shards = twoShards();
        Path out = tmp.resolve("ocr");
        OcrSummary first = oracle(out).optLimit(4).buildRun().run(shards);
        assertEquals(List.of("b"), first.partialShards());
        assertEquals(1, OcrJsonl.read(out.resolve("b.jsonl")).size());
        assertEquals("b\n", Files.readString(out.resolve(OcrRun.PARTIAL_FILE)));
        OcrSummary second = oracle(out).buildRun().run(shards);
        assertEquals(1, second.shardsWritten());
        assertEquals(
                List.of("b0", "b1", "b2"),
                OcrJsonl.read(out.resolve("b.jsonl")).stream()
                        .map(OcrRecord::key)
                        .toList());
        assertFalse(Files.exists(out.resolve(OcrRun.PARTIAL_FILE)));
    }

    @Test
    void run_engineErrorAndBadImages_areRecordedAndTheRunContinues() throws IOException {
        TextImage t = TextImage.render(64, 48, TextImage.Background.PLAIN, 1, "ok");
        BufferedImage big = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        TestShards.folder(
                tmp.resolve("data/mixed"),
                List.of(
                        TestShards.rendered("good1", t),
                        new TestShards.Item(
                                "notruth", "png", TestShards.png(t.image()), null), // the oracle cannot answer
                        new TestShards.Item("garbage", "png", "not an image at all".getBytes(), TestShards.truth(t)),
                        new TestShards.Item("huge", "png", TestShards.png(big), TestShards.truth(t)),
                        TestShards.rendered("good2", t)));
        Path out = tmp.resolve("ocr");
        OcrSummary s = oracle(out)
                .optDecoder(ImageDecoder.builder().optMaxPixels(10_000).build())
                .buildRun()
                .run(Datasets.resolve(List.of(tmp.resolve("data/mixed").toString())));
        List<OcrRecord> recs = OcrJsonl.read(out.resolve("mixed.jsonl"));
        assertEquals(
                List.of("good1", "notruth", "garbage", "huge", "good2"),
                recs.stream().map(OcrRecord::key).toList());
        assertNull(recs.get(0).error());
        assertTrue(recs.get(1).error().startsWith("engine_error: "), recs.get(1).error());
        assertTrue(
                recs.get(2).error().matches("(corrupt|unsupported)_image: .*"),
                recs.get(2).error());
        assertTrue(
                recs.get(3).error().startsWith("too_many_pixels: "), recs.get(3).error());
        assertEquals(200, recs.get(3).width()); // size from the header although the pixels were refused
        assertEquals(
                List.of("ok"),
                recs.get(4).words().stream().map(SpottedWord::text).toList());
        assertEquals(3, s.samples() - s.succeeded());
        assertEquals(1L, s.failed().get("engine_error"));
        assertEquals(1L, s.skippedByReason().get("too_many_pixels"));
        assertEquals(1L, s.skippedByReason().get("engine_error"));
    }

    @Test
    void run_realEngineOnCmykJpegSixteenBitPngAlphaAndOnePixel_readsThemAll() throws IOException {
        TextImage t = TextImage.render(320, 240, TextImage.Background.PLAIN, 11, "WORD", "test");
        BufferedImage grey16 = Spotting.as(t.image(), BufferedImage.TYPE_USHORT_GRAY);
        TestShards.folder(
                tmp.resolve("data/formats"),
                List.of(
                        new TestShards.Item("cmyk", "jpg", TestShards.cmykJpeg(t.image()), null),
                        new TestShards.Item("grey16", "png", TestShards.png(grey16), null),
                        new TestShards.Item("alpha", "png", TestShards.png(Spotting.transparentWithText(t)), null),
                        new TestShards.Item(
                                "tiny",
                                "png",
                                TestShards.png(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)),
                                null)));
        Path out = tmp.resolve("ocr");
        OcrSummary s = OcrRun.builder()
                .optEngine("tesseract")
                .setOut(out)
                .optThreads(2)
                .buildRun()
                .run(Datasets.resolve(List.of(tmp.resolve("data/formats").toString())));
        assertEquals(Map.of(), s.failed());
        List<OcrRecord> recs = OcrJsonl.read(out.resolve("formats.jsonl"));
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    List.of("WORD", "test"),
                    recs.get(i).words().stream().map(SpottedWord::text).toList(),
                    recs.get(i).key());
        }
        assertEquals(List.of(), recs.get(3).words());
        assertEquals(1, recs.get(3).width());
    }

    @Test
    void run_existingResultsOfAnotherEngine_areRefused() throws IOException {
        List<Shard> shards = twoShards();
        Path out = tmp.resolve("ocr");
        oracle(out).buildRun().run(shards);
        OcrRun tess = OcrRun.builder().optEngine("tesseract").setOut(out).buildRun();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tess.run(shards));
        assertTrue(e.getMessage().contains("oracle results"), e.getMessage());
    }

    @Test
    void config_unknownEngine_isRefusedListingTheNames() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> OcrRun.builder().optEngine("deepsolo").setOut(tmp).build());
        assertTrue(e.getMessage().contains("ppocr"), e.getMessage());
    }
}
