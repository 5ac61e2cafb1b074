package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;

/** The engines on the committed mini-LAION sample ({@code data-samples/mini-laion}, 500 samples, 266 with text). */
class MiniLaionOcrTest {

    @TempDir
    Path tmp;

    private static List<Shard> miniLaion() throws IOException {
        Path dir = Path.of(System.getProperty("parrotscope.root", ".")).resolve("data-samples/mini-laion");
        assumeTrue(Files.isDirectory(dir), "data-samples/mini-laion missing");
        return Datasets.resolve(List.of(dir.resolve("{00000..00004}.tar").toString()));
    }

    private static List<OcrRecord> read(Path out, List<Shard> shards) throws IOException {
        List<OcrRecord> all = new ArrayList<>();
        for (Shard s : shards) {
            all.addAll(OcrJsonl.read(OcrRun.outputOf(out, s)));
        }
        return all;
    }

    @Test
    void oracle_onMiniLaion_returnsEveryTruthWordAndTheReadmeTextImageCount() throws IOException {
        List<Shard> shards = miniLaion();
        Path out = tmp.resolve("oracle");
        OcrRun.builder()
                .setOut(out)
                .optEngine("oracle")
                .optThreads(2)
                .buildRun()
                .run(shards);
        List<OcrRecord> recs = read(out, shards);
        assertEquals(500, recs.size());
        // README (the generator's own statistics): 266 images with embedded text
        assertEquals(266, recs.stream().filter(r -> !r.words().isEmpty()).count());
        int i = 0;
        for (Shard s : shards) {
            try (SampleStream st = s.open(new SkipLog())) {
                for (Sample sample : st) {
                    OcrRecord r = recs.get(i++);
                    assertEquals(sample.key(), r.key());
                    List<String> truth = new ArrayList<>();
                    for (JsonElement w :
                            sample.metadata().getAsJsonObject("truth").getAsJsonArray("words")) {
                        truth.add(((JsonObject) w).get("text").getAsString());
                    }
                    assertEquals(
                            truth, r.words().stream().map(SpottedWord::text).toList(), sample.key());
                }
            }
        }
    }

    @Test
    void ppocr_onFirstMiniLaionSamples_findsMostPrintedWords() throws IOException {
        assumeTrue(PpOcrModels.present(), "PP-OCR models not installed (run environment/bootstrap)");
        WordAccuracy a = accuracy("ppocr", 60);
        // quality floor for a scene-text engine on clean synthetic text (rotated up to 15 degrees, signs, clutter)
        assertTrue(a.recallCaseless() >= 0.6 && a.precisionCaseless() >= 0.6, a.toString());
    }

    @Test
    void tesseract_onFirstMiniLaionSamples_findsSomePrintedWords() throws IOException {
        WordAccuracy a = accuracy("tesseract", 60);
        // a document engine: a low floor, but it must read clean upright words at all
        assertTrue(a.recallCaseless() >= 0.2, a.toString());
    }

    private WordAccuracy accuracy(String engine, int limit) throws IOException {
        List<Shard> shards = miniLaion().subList(0, 1);
        Path truthOut = tmp.resolve("truth");
        Path out = tmp.resolve(engine);
        OcrRun.builder()
                .setOut(truthOut)
                .optEngine("oracle")
                .optLimit(limit)
                .buildRun()
                .run(shards);
        OcrRun.builder()
                .setOut(out)
                .optEngine(engine)
                .optThreads(2)
                .optLimit(limit)
                .buildRun()
                .run(shards);
        return WordAccuracy.compare(read(truthOut, shards), read(out, shards));
    }
}
