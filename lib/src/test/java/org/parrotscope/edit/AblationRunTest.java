package org.parrotscope.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.data.synth.Truth;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.util.Progress;

/**
 * The ablation on real components: generated mini-LAION shards, the oracle OCR engine (the generator's printed words
 * as spotted text), a randomly initialised tiny CLIP saved as a model folder. Expectations come from the generator's
 * ground truth (which images carry text, which words the caption repeats), from scoring the raw images directly
 * with {@link ClipScorer}, and from the paper's definition RSA = S(raw) - S(All removed).
 */
class AblationRunTest {

    @TempDir
    static Path tmp;

    private static List<Shard> shards;
    private static Path ocrDir;
    private static Path modelDir;
    private static String corruptKey;
    private static final Map<String, Truth> TRUTH = new LinkedHashMap<>();
    private static final Map<String, String> CAPTIONS = new HashMap<>();

    @BeforeAll
    static void data() throws Exception {
        int imageSize = ClipPresets.load("tiny").vision().imageSize();
        Path pool = tmp.resolve("pool");
        MiniLaionWriter.write(
                new MiniLaion(SynthConfig.builder()
                        .setSeed(21)
                        .setSamples(40)
                        .optShardSize(20)
                        .optImageSize(2 * imageSize)
                        .build()),
                pool,
                Progress.silent());
        shards = Datasets.resolve(List.of(pool.resolve("*.tar").toString()));
        assertEquals(2, shards.size());
        ocrDir = tmp.resolve("ocr");
        OcrRun.builder()
                .setOut(ocrDir)
                .optEngine("oracle")
                .optThreads(2)
                .buildRun()
                .run(shards);
        try (SampleStream s = Datasets.open(shards, new SkipLog())) {
            for (Sample x : s) {
                TRUTH.put(x.key(), Truth.fromJson(x.metadata()));
                CAPTIONS.put(x.key(), x.caption());
            }
        }
        // damage one image with text after OCR saw it: the OCR record is fine, the image no longer decodes
        corruptKey = TRUTH.entrySet().stream()
                .filter(e -> e.getValue().hasText())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        Path tar = pool.resolve(shards.get(0).name() + ".tar");
        TarBytes.zeroEntry(tar, corruptKey + ".jpg", 2);
        modelDir = tmp.resolve("model");
        try (ClipModel m = ClipModel.create(ClipPresets.load("tiny"), 3)) {
            m.save(modelDir);
        }
    }

    private static AblationSummary ablate(Path out) throws IOException {
        return ablate(out, false);
    }

    private static AblationSummary ablate(Path out, boolean parquet) throws IOException {
        AblationConfig cfg = AblationConfig.builder()
                .setOut(out)
                .setOcrDir(ocrDir)
                .optSeed(4)
                .optThreads(2)
                .optParquet(parquet)
                .build();
        try (ClipModel m = ClipModel.load(modelDir);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(m)
                        .setTokenizer(Tokenizers.forModel(modelDir))
                        .optBatchSize(7)
                        .build()) {
            return new AblationRun(cfg, scorer).run(shards, Progress.silent());
        }
    }

    @Test
    void rows_followTheTruthAndTheDefinitions_andTheCorruptImageIsCounted() throws Exception {
        Path out = tmp.resolve("ablation-rows");
        AblationSummary s = ablate(out);

        assertEquals(2, s.shardsDone());
        assertEquals(TRUTH.size() - 1, s.samples());
        assertEquals(Map.of("corrupt_image", 1L), s.skipped());
        List<String> skipLines =
                Files.readAllLines(out.resolve(shards.get(0).name() + ".skipped.jsonl"), StandardCharsets.UTF_8);
        assertEquals(1, skipLines.size());
        assertTrue(skipLines.get(0).contains("\"" + corruptKey + "\""), skipLines.get(0));

        List<AblationRow> rows = AblationCsv.readDir(out);
        Map<String, AblationRow> byKey = new LinkedHashMap<>();
        rows.forEach(r -> assertEquals(null, byKey.put(r.key(), r), "one row per sample: " + r.key()));
        List<String> expectedKeys =
                TRUTH.keySet().stream().filter(k -> !k.equals(corruptKey)).toList();
        assertEquals(expectedKeys, List.copyOf(byKey.keySet()), "every decodable sample once, in stored order");

        long text = 0;
        long co = 0;
        for (AblationRow r : rows) {
            Truth t = TRUTH.get(r.key());
            assertEquals(t.hasText(), r.hasText(), r.key());
            if (!t.hasText()) {
                for (Variant v : List.of(Variant.ALL, Variant.CO, Variant.RAND_ALL, Variant.RAND_CO)) {
                    assertTrue(Double.isNaN(r.score(v)), "an image without text is scored raw only: " + r.key());
                }
                continue;
            }
            text++;
            assertFalse(Double.isNaN(r.sAll()), r.key());
            assertFalse(Double.isNaN(r.sRandAll()), "a donor exists among the other text images: " + r.key());
            // rsa/rsc are written as separate columns: the paper's definition, to the CSV's 6 decimals
            assertEquals(r.sRaw() - r.sAll(), r.rsa(), 1.5e-6, r.key());
            boolean hasCo = !t.captionWordsInImage().isEmpty();
            assertEquals(hasCo, !Double.isNaN(r.sCo()), "Co removal only where the caption repeats words: " + r.key());
            if (hasCo) {
                co++;
                assertEquals(r.sRaw() - r.sCo(), r.rsc(), 1.5e-6, r.key());
            }
        }
        assertTrue(text >= 5 && co >= 2, "the data must exercise text and parrot captions: " + text + ", " + co);
        assertEquals(text, s.textImages());
        assertEquals(co, s.coImages());
        assertEquals(rows.size() + text * 2 + co * 2, s.pairs(), "raw + All + random All (+ Co + random Co)");

        // the raw score is the plain CLIP score of the undecorated image and caption
        List<BufferedImage> images = new java.util.ArrayList<>();
        List<String> captions = new java.util.ArrayList<>();
        List<String> keys = new java.util.ArrayList<>();
        try (SampleStream stream = Datasets.open(shards, new SkipLog())) {
            for (Sample x : stream) {
                if (!x.key().equals(corruptKey)) {
                    images.add(ImageDecoder.defaults().decode(x));
                    captions.add(x.caption());
                    keys.add(x.key());
                }
            }
        }
        float[] raw;
        try (ClipModel m = ClipModel.load(modelDir);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(m)
                        .setTokenizer(Tokenizers.forModel(modelDir))
                        .build()) {
            raw = scorer.score(images, captions);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(raw[i], byKey.get(keys.get(i)).sRaw(), 2e-5, keys.get(i));
        }
        // inpainting changed what the model sees
        assertTrue(rows.stream().filter(AblationRow::hasText).anyMatch(r -> r.sAll() != r.sRaw()));
    }

    @Test
    void rerun_skipsFinishedShards_andRedoesOnlyTheMissingOne() throws Exception {
        Path out = tmp.resolve("ablation-resume");
        AblationSummary first = ablate(out);
        assertEquals(2, first.shardsDone());
        Path a = AblationRun.outputOf(out, shards.get(0));
        Path b = AblationRun.outputOf(out, shards.get(1));
        byte[] aBytes = Files.readAllBytes(a);
        long aTime = Files.getLastModifiedTime(a).toMillis();

        AblationSummary second = ablate(out);
        assertEquals(0, second.shardsDone());
        assertEquals(2, second.shardsResumed());
        assertEquals(0, second.samples());
        assertEquals(aTime, Files.getLastModifiedTime(a).toMillis(), "a finished shard is not rewritten");

        byte[] bBytes = Files.readAllBytes(b);
        Files.delete(b);
        AblationSummary third = ablate(out);
        assertEquals(1, third.shardsDone());
        assertEquals(1, third.shardsResumed());
        assertArrayEquals(aBytes, Files.readAllBytes(a));
        assertArrayEquals(bBytes, Files.readAllBytes(b), "the same seed gives the same donors and scores");
        assertNotEquals(0, third.pairs());
    }

    @Test
    void missingOcrFile_skipsTheShardAndNamesIt() throws Exception {
        Path partialOcr = tmp.resolve("ocr-partial");
        Files.createDirectories(partialOcr);
        String name = shards.get(0).name();
        Files.copy(ocrDir.resolve(name + ".jsonl"), partialOcr.resolve(name + ".jsonl"));
        AblationConfig cfg = AblationConfig.builder()
                .setOut(tmp.resolve("ablation-partial"))
                .setOcrDir(partialOcr)
                .optThreads(1)
                .build();
        AblationSummary s;
        try (ClipModel m = ClipModel.load(modelDir);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(m)
                        .setTokenizer(Tokenizers.forModel(modelDir))
                        .build()) {
            s = new AblationRun(cfg, scorer).run(shards, Progress.silent());
        }
        assertEquals(1, s.shardsDone());
        assertEquals(List.of(shards.get(1).name()), s.shardsWithoutOcr());
    }

    @Test
    void parquetFormat_holdsTheCsvRows_skipsFinishedFiles_andRedoesADamagedOne() throws Exception {
        Path csv = tmp.resolve("ablation-csv-for-parquet");
        ablate(csv);
        Path out = tmp.resolve("ablation-parquet");
        assertEquals(2, ablate(out, true).shardsDone());
        assertFalse(Files.exists(AblationRun.outputOf(out, shards.get(0))), "no CSV with --format parquet");
        List<AblationRow> expected = AblationReport.rowsOf(csv, shards);
        List<AblationRow> got = AblationReport.rowsOf(out, shards);
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < expected.size(); i++) {
            AblationRow e = expected.get(i);
            AblationRow g = got.get(i);
            assertEquals(e.key(), g.key());
            assertEquals(e.hasText(), g.hasText());
            for (Variant v : Variant.values()) {
                // the CSV keeps 6 decimals, the Parquet file the scorer's float
                assertEquals(e.score(v), g.score(v), 5.1e-7, e.key() + " " + v);
            }
        }

        Path a = AblationRun.parquetOf(out, shards.get(0));
        long aTime = Files.getLastModifiedTime(a).toMillis();
        AblationSummary again = ablate(out, true);
        assertEquals(2, again.shardsResumed());
        assertEquals(aTime, Files.getLastModifiedTime(a).toMillis(), "a finished shard is not rewritten");

        Path b = AblationRun.parquetOf(out, shards.get(1));
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(b.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        AblationSummary third = ablate(out, true);
        assertEquals(1, third.shardsRedone());
        assertEquals(1, third.shardsDone());
        assertEquals(expected.size(), AblationReport.rowsOf(out, shards).size());
    }

    @Test
    void rawEmbeddings_areWrittenPerShard_andGiveTheRawScores() throws Exception {
        Path out = tmp.resolve("ablation-embeddings");
        AblationConfig cfg = AblationConfig.builder()
                .setOut(out)
                .setOcrDir(ocrDir)
                .optSeed(4)
                .optThreads(2)
                .optWriteEmbeddings(true)
                .build();
        try (ClipModel m = ClipModel.load(modelDir);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(m)
                        .setTokenizer(Tokenizers.forModel(modelDir))
                        .optBatchSize(7)
                        .build()) {
            new AblationRun(cfg, scorer).run(shards, Progress.silent());
        }
        List<AblationRow> rows = AblationCsv.readDir(out);
        for (Shard shard : shards) {
            List<AblationRow> mine =
                    rows.stream().filter(r -> r.shard().equals(shard.name())).toList();
            try (org.parrotscope.clip.SafetensorsFile f = org.parrotscope.clip.SafetensorsFile.open(
                    out.resolve(shard.name() + AblationRun.EMBEDDINGS_SUFFIX))) {
                String keys = f.metadata().get("keys");
                assertEquals(
                        mine.stream()
                                .map(r -> "\"" + r.key() + "\"")
                                .toList()
                                .toString()
                                .replace(" ", ""),
                        keys,
                        "one row per scored sample, in stored order");
                float[] img = f.floats("image_embeds");
                float[] txt = f.floats("text_embeds");
                int dim = img.length / mine.size();
                for (int i = 0; i < mine.size(); i++) {
                    double dot = 0;
                    for (int j = 0; j < dim; j++) {
                        dot += img[i * dim + j] * txt[i * dim + j];
                    }
                    assertEquals(mine.get(i).sRaw(), dot, 2e-6, "cosine of the raw image and caption");
                }
            }
        }
    }

    @Test
    void areas_measureEveryTextImageWithADonor_withTheTruthBoxesInsideTheMask() throws Exception {
        AblationConfig cfg = AblationConfig.builder()
                .setOut(tmp.resolve("unused"))
                .setOcrDir(ocrDir)
                .optSeed(4)
                .build();
        List<AblationAreas.Row> areas = AblationAreas.measure(shards, cfg);
        List<String> expected = TRUTH.entrySet().stream()
                .filter(e -> e.getValue().hasText() && !e.getKey().equals(corruptKey))
                .map(Map.Entry::getKey)
                .toList();
        assertEquals(
                expected,
                areas.stream()
                        .filter(a -> a.removal() == Removal.ALL)
                        .map(AblationAreas.Row::key)
                        .toList(),
                "every decodable text image once for All, in stored order");
        int side = 2 * ClipPresets.load("tiny").vision().imageSize();
        for (AblationAreas.Row a : areas) {
            double largestBox = TRUTH.get(a.key()).words().stream()
                    .mapToDouble(w -> (double) (Math.min(side, w.x1()) - Math.max(0, w.x0()))
                            * (Math.min(side, w.y1()) - Math.max(0, w.y0()))
                            / ((double) side * side))
                    .max()
                    .orElseThrow();
            if (a.removal() == Removal.ALL) {
                assertTrue(a.targetArea() >= largestBox, a.key() + ": the mask covers its largest word");
            }
            assertTrue(a.donorArea() > 0 && a.targetChange() > 0, a.key());
        }
    }
}
