package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.util.Progress;

class TrainingDataTest {

    @TempDir
    Path tmp;

    @Test
    void read_stopsWithAClearErrorWhenTheImagesExceedTheMemoryBudget() throws Exception {
        SynthConfig c = SynthConfig.builder()
                .setSeed(3)
                .setSamples(20)
                .optImageSize(32)
                .optTextRate(0)
                .optFormat("png")
                .build();
        MiniLaionWriter.write(new MiniLaion(c), tmp, Progress.silent());
        List<String> spec = List.of(tmp.toString());
        List<Sample> all = TrainingData.read(spec, new SkipLog(), Set.of(), Long.MAX_VALUE);
        assertEquals(20, all.size());
        long total = all.stream()
                .mapToLong(s -> s.imageBytes().length
                        + 2L * (s.caption().length() + s.key().length())
                        + 448)
                .sum();
        // a budget one byte short of the data fails, naming the data; the exact budget loads everything
        IOException e =
                assertThrows(IOException.class, () -> TrainingData.read(spec, new SkipLog(), Set.of(), total - 1));
        assertTrue(
                e.getMessage().contains(tmp.toString()) && e.getMessage().contains("does not fit in memory"),
                e.getMessage());
        assertTrue(e.getMessage().contains("after 20 samples"), e.getMessage());
        assertEquals(20, TrainingData.read(spec, new SkipLog(), Set.of(), total).size());
    }

    @Test
    void read_estimateCoversTheHeapTheKeptSamplesTake() throws Exception {
        // mini-LAION's metadata (URL, hash, ground-truth words and boxes) outweighs a small JPEG: the old estimate
        // counted only images and captions and 200,000 samples overflowed a 1 GB heap it said they fitted in
        SynthConfig c = SynthConfig.builder()
                .setSeed(5)
                .setSamples(400)
                .optImageSize(48)
                .build();
        MiniLaionWriter.write(new MiniLaion(c), tmp, Progress.silent());
        List<String> spec = List.of(tmp.toString());
        List<Sample> kept = TrainingData.read(spec, new SkipLog(), Set.of(), Long.MAX_VALUE);
        long estimate = kept.stream().mapToLong(TrainingData::heapBytes).sum();
        assertEquals(400, kept.size());
        assertTrue(kept.stream().allMatch(s -> s.metadata().size() == 0), "training keeps no metadata");
        // the heap the samples hold: used heap with them minus used heap once they are dropped, both measured
        // after loading, so garbage of the loading itself is not counted either way; a reader thread may still let
        // go of a buffer meanwhile, so the median of three loads is taken
        long[] takes = new long[3];
        for (int round = 0; round < takes.length; round++) {
            Object[] holder = {round == 0 ? kept : TrainingData.read(spec, new SkipLog(), Set.of(), Long.MAX_VALUE)};
            kept = null;
            long with = usedHeap();
            holder[0] = null;
            long without = usedHeap();
            takes[round] = with - without;
        }
        java.util.Arrays.sort(takes);
        long taken = takes[1];
        assertTrue(taken <= estimate, "the samples took " + taken + " heap bytes, the estimate was " + estimate);
        // the estimate is not padded beyond reason either: within twice the measured heap
        assertTrue(estimate <= 2 * taken, "estimate " + estimate + " vs heap " + taken);
    }

    /** Used heap after collecting until it stops shrinking (at most ten collections). */
    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = r.totalMemory() - r.freeMemory();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
