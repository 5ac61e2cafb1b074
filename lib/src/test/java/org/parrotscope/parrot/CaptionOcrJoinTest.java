package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.ShardWriter;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;
import org.parrotscope.util.Progress;

/** The join on real tar shards written by ShardWriter, with damaged and surplus OCR lines. */
class CaptionOcrJoinTest {

    @TempDir
    Path tmp;

    private void shard(String name, String... keysAndCaptions) throws Exception {
        try (ShardWriter w = ShardWriter.open(tmp.resolve("shards").resolve(name + ".tar"))) {
            for (int i = 0; i < keysAndCaptions.length; i += 2) {
                // the join never decodes images, so any bytes do
                w.write(new Sample(
                        keysAndCaptions[i],
                        keysAndCaptions[i + 1],
                        "jpg",
                        new byte[] {1, 2, 3},
                        new JsonObject(),
                        name));
            }
        }
    }

    private static OcrRecord ok(String key, String... words) {
        List<SpottedWord> ws = new ArrayList<>();
        for (String t : words) {
            ws.add(SpottedWord.ofBox(t, 1f, new Box(0, 0, 1, 1)));
        }
        return OcrRecord.ok(key, "oracle", 10, 10, ws);
    }

    @Test
    void run_joinsByKeyPerShard_andCountsEveryLeftover() throws Exception {
        shard("00000", "k1", "red apple", "k2", "blue sky", "k3", "no ocr here");
        shard("00001", "k4", "green tea");
        Path ocr = tmp.resolve("ocr");
        OcrJsonl.write(
                ocr.resolve("00000.jsonl"),
                List.of(ok("k2", "sky"), ok("k1", "apple"), ok("k1", "dup"), ok("k9", "orphan")));
        // a line cut short by a crash: skipped and counted, the rest of the file still read
        Files.writeString(
                ocr.resolve("00000.jsonl"),
                "{\"key\":\"k3\",\"engi\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        List<ImageText> got = new ArrayList<>();
        JoinReport r = CaptionOcrJoin.run(
                Datasets.resolve(List.of(tmp.resolve("shards").resolve("*.tar").toString())),
                ocr,
                got::add,
                Progress.silent());
        // shard order, then stored sample order; the first k1 record wins
        assertEquals(List.of("k1", "k2"), got.stream().map(ImageText::key).toList());
        assertEquals("apple", got.get(0).words().get(0).text());
        assertEquals("red apple", got.get(0).caption());
        assertEquals(4, r.samples());
        assertEquals(2, r.joined());
        assertEquals(2, r.missingOcr()); // k3 (corrupt line) and k4 (no OCR file)
        assertEquals(1, r.duplicateOcr());
        assertEquals(1, r.orphanOcr());
        assertEquals(1, r.corruptOcrLines());
        assertEquals(List.of("00001"), r.shardsWithoutOcr());
        assertEquals(List.of("oracle"), r.engines());
        assertEquals(Map.of(), r.skippedSamples());
        assertFalse(r.complete());
    }
}
