package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClipBenchmarkTest {

    @Test
    void run_measuresImageThenTextPerBatchAndStreamsEachRow() {
        List<ClipBenchmark.Row> streamed = new ArrayList<>();
        List<ClipBenchmark.Row> rows;
        try (ClipModel model = ClipModel.create(ClipPresets.load("tiny"), 0)) {
            rows = ClipBenchmark.run(model, List.of(1, 3), 0, streamed::add);
        }
        assertEquals(rows, streamed);
        assertEquals(
                List.of("image 1", "text 1", "image 3", "text 3"),
                rows.stream().map(r -> r.task() + " " + r.batch()).toList());
        for (ClipBenchmark.Row r : rows) {
            assertTrue(r.passes() >= 2, r.toString());
            assertEquals(r.passes() * r.batch() / r.seconds(), r.itemsPerSecond(), 1e-9 * r.itemsPerSecond());
            assertEquals(1000 * r.seconds() / r.passes(), r.msPerBatch(), 1e-9);
        }
    }

    @Test
    void randomTexts_lookLikeTokenizerOutput() {
        int ctx = 77;
        int vocab = 49408;
        for (long[] row : ClipBenchmark.randomTexts(new SplittableRandom(3), 50, ctx, vocab)) {
            assertEquals(vocab - 2, row[0]); // start of text
            int end = 1;
            while (row[end] != vocab - 1) {
                assertTrue(row[end] >= 0 && row[end] < vocab - 2);
                end++;
            }
            int len = end - 1;
            assertTrue(len >= 10 && len <= 30, "length " + len);
            for (int i = end + 1; i < ctx; i++) {
                assertEquals(0, row[i]);
            }
        }
    }
}
