package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.cli.ParrotScope;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.GroundTruthStats;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.util.Progress;
import picocli.CommandLine;

/**
 * Issue 3: on mini-LAION, the {@code oracle} engine (which returns the rendered words) must make
 * {@code parrotscope stats} reproduce the generator's exact statistics. The expected values are computed here
 * from each sample's stored ground truth ({@code truth.words}, {@code truth.caption_words_in_image}), with a
 * plain regex split, independently of the parrot package.
 */
class OracleStatsTest {

    @TempDir
    Path tmp;

    @Test
    void oracleEngine_reproducesGroundTruthTable1_exactMatching() throws Exception {
        Path shardDir = tmp.resolve("mini-laion");
        SynthConfig cfg = SynthConfig.builder()
                .setSeed(3)
                .setSamples(300)
                .optShardSize(120)
                .optImageSize(64)
                .build();
        GroundTruthStats generator = MiniLaionWriter.write(new MiniLaion(cfg), shardDir, Progress.silent());
        List<Shard> shards = Datasets.resolve(List.of(shardDir.resolve("*.tar").toString()));
        assertEquals(3, shards.size());
        Path ocrDir = tmp.resolve("ocr");
        OcrRun.builder()
                .setOut(ocrDir)
                .optEngine("oracle")
                .optThreads(2)
                .buildRun()
                .run(shards);

        // independent expectation from the stored truth
        long images = 0;
        long withText = 0;
        long withCo = 0;
        double sumCotr = 0;
        try (SampleStream samples = Datasets.open(shards, new SkipLog())) {
            for (Sample s : samples) {
                images++;
                JsonObject truth = s.metadata().getAsJsonObject("truth");
                boolean text = truth.getAsJsonArray("words").size() > 0;
                Set<String> co = new HashSet<>();
                for (JsonElement e : truth.getAsJsonArray("caption_words_in_image")) {
                    co.add(e.getAsString());
                }
                String cap = s.caption().trim();
                Set<String> capWords = cap.isEmpty() ? Set.of() : new HashSet<>(List.of(cap.split("\\s+")));
                if (text) {
                    withText++;
                    withCo += co.isEmpty() ? 0 : 1;
                    sumCotr += capWords.isEmpty() ? 0 : (double) co.size() / capWords.size();
                } else {
                    assertTrue(co.isEmpty(), "no text but co-emerging words in " + s.key());
                }
            }
        }
        assertEquals(300, images);
        assertTrue(
                withText > 50 && withCo > 20,
                "the sample must exercise text and parrot captions: " + withText + ", " + withCo);

        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(so));
        cl.setErr(new PrintWriter(se));
        int rc = cl.execute(
                "stats",
                ocrDir.toString(),
                "--shards",
                shardDir.resolve("*.tar").toString(),
                "--out",
                tmp.resolve("stats").toString(),
                "--json");
        assertEquals(0, rc, se.toString());
        JsonObject j = JsonParser.parseString(so.toString().trim()).getAsJsonObject();
        assertEquals(images, j.get("images").getAsLong());
        assertEquals(withText, j.get("images_with_text").getAsLong());
        assertEquals(withCo, j.get("images_with_co_emb_text").getAsLong());
        assertEquals(sumCotr / images, j.get("co_emb_rate_total").getAsDouble(), 1e-12);
        assertEquals(sumCotr / withText, j.get("co_emb_rate_text_images").getAsDouble(), 1e-12);
        // and the generator's own accounting agrees
        assertEquals(generator.imagesWithText(), j.get("images_with_text").getAsLong());
        assertEquals(
                generator.imagesWithCoEmbText(),
                j.get("images_with_co_emb_text").getAsLong());
        assertEquals(generator.meanCotrTotal(), j.get("co_emb_rate_total").getAsDouble(), 1e-12);
        assertEquals(
                generator.meanCotrTextImages(), j.get("co_emb_rate_text_images").getAsDouble(), 1e-12);
        assertTrue(se.toString().contains("missing OCR 0, OCR errors 0"), se.toString());
        // fuzzy matching accepts every normalised match (distance 0), so it cannot find fewer co-emerging words
        assertTrue(j.get("fuzzy_co_emb_rate_total").getAsDouble()
                >= j.get("normalized_co_emb_rate_total").getAsDouble());
    }
}
