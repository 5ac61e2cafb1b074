package org.parrotscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SkipLog;
import org.parrotscope.eval.EvalData;
import org.parrotscope.eval.RetrievalResult;
import org.parrotscope.util.Progress;

/** The reading probe on the tiny preset: real generation, training and retrieval, a few steps. */
class ReadingProbeTest {

    private static final ExperimentConfig.Recipe TINY = new ExperimentConfig.Recipe("tiny", 3, 8, 2e-3f, 1, 0.1f, 1f);

    @Test
    void meanFinalLoss_averagesTheLastStepsOnly(@TempDir Path tmp) throws IOException {
        Path m = tmp.resolve("metrics.jsonl");
        List<String> lines = new ArrayList<>();
        for (int step = 1; step <= 6; step++) {
            lines.add(String.format(Locale.ROOT, "{\"step\":%d,\"loss\":%d.0,\"lr\":0.1}", step, step));
        }
        lines.add(""); // a trailing blank line is no step
        Files.write(m, lines);
        assertEquals((4 + 5 + 6) / 3.0, ReadingProbe.meanFinalLoss(m, 3), 1e-12);
        assertEquals(21 / 6.0, ReadingProbe.meanFinalLoss(m, 50), 1e-12);
        Files.writeString(m, "\n");
        IOException e = assertThrows(IOException.class, () -> ReadingProbe.meanFinalLoss(m, 3));
        assertTrue(e.getMessage().contains(m.toString()), e.getMessage());
    }

    @Test
    void lossProgress_isTheShareOfTheWayFromChanceToTheOtherLoss() {
        ReadingProbe.Result r = new ReadingProbe.Result(
                10,
                64,
                1,
                3,
                8,
                Math.log(8),
                Math.log(8) - 0.5,
                new RetrievalResult(20, 0.1, 0.2, 0.3, 0.05, 0.1, 0.2),
                20,
                Path.of("m"));
        // chance ln 8 = 2.079; a loss 0.5 below it against another run 2.0 below it: a quarter of the way
        assertEquals(0.25, r.lossProgressAgainst(Math.log(8) - 2.0), 1e-12);
        assertEquals(0.05, r.chanceR1(), 1e-12);
        assertEquals(0.5, r.chanceR10(), 1e-12);
        assertTrue(r.summary(Math.log(8) - 2.0, "ref").contains("25% of the way"), r.summary(Math.log(8) - 2.0, "ref"));
        // a reference that ended above chance has no way to go: the summary gives the losses instead of a share
        String above = r.summary(Math.log(8) + 0.5, "ref");
        assertTrue(!above.contains("of the way") && above.contains("ref: 2.579"), above);
        assertTrue(above.contains("first for 0.100 of the images (chance 0.050)"), above);
    }

    @Test
    void run_trainsOnParrotPairsAndMeasuresHeldOutRetrieval_thenReusesItsOutputs(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("probe");
        ReadingProbe.Result r = ReadingProbe.run(TINY, 24, 64, 1.0, 12, 7, dir, (t, n) -> Progress.silent());
        assertEquals(12, r.pairs());
        assertEquals(8, r.batch());
        assertEquals(Math.log(8), r.chanceLoss(), 1e-12);
        assertTrue(Double.isFinite(r.finalLoss()) && r.finalLoss() > 0, "loss " + r.finalLoss());
        assertTrue(r.heldOut().i2tR1() >= 0 && r.heldOut().i2tR10() <= 1);
        assertEquals(5, r.table(2.0).rowCount());
        assertTrue(r.summary(Double.NaN, "x").contains("24 pairs"), r.summary(Double.NaN, "x"));
        // every training image carries words and (parrot rate 1) its caption spells them, exactly or re-typed
        List<Sample> pairs = EvalData.shards(List.of(dir.resolve("pairs").toString()), 100, new SkipLog());
        assertEquals(24, pairs.size());
        long spelled = 0;
        for (Sample s : pairs) {
            JsonObject truth = s.metadata().getAsJsonObject("truth");
            assertTrue(truth.getAsJsonArray("words").size() > 0, s.key());
            assertEquals("parrot", truth.get("caption_style").getAsString(), s.key());
            spelled += truth.getAsJsonArray("caption_words_in_image").isEmpty() ? 0 : 1;
        }
        assertTrue(spelled >= 18, spelled + " of 24 captions share a word with the image");
        // a second run reads the finished model instead of training again
        Path fin = r.model();
        FileTime before = Files.getLastModifiedTime(fin);
        ReadingProbe.Result again = ReadingProbe.run(TINY, 24, 64, 1.0, 12, 7, dir, (t, n) -> Progress.silent());
        assertEquals(before, Files.getLastModifiedTime(again.model()));
        assertEquals(r.finalLoss(), again.finalLoss(), 0);
        assertEquals(r.heldOut(), again.heldOut());
        // other pairs into the same folder are refused, naming it
        IOException e = assertThrows(
                IOException.class, () -> ReadingProbe.run(TINY, 30, 64, 1.0, 12, 7, dir, (t, n) -> Progress.silent()));
        assertTrue(e.getMessage().contains(dir.resolve("pairs").toString()), e.getMessage());
    }
}
