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
                        + 320)
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
        // a first read loads the classes and caches reading needs once, which the measured read must not count
        TrainingData.read(spec, new SkipLog(), Set.of(), Long.MAX_VALUE);
        long before = usedHeap();
        List<Sample> kept = TrainingData.read(spec, new SkipLog(), Set.of(), Long.MAX_VALUE);
        long after = usedHeap();
        long estimate = kept.stream().mapToLong(TrainingData::heapBytes).sum();
        assertEquals(400, kept.size());
        assertTrue(kept.stream().allMatch(s -> s.metadata().size() == 0), "training keeps no metadata");
        assertTrue(
                after - before <= estimate,
                "the samples took " + (after - before) + " heap bytes, the estimate was " + estimate);
        // the estimate is not padded beyond reason either: within twice the measured heap
        assertTrue(estimate <= 2 * (after - before), "estimate " + estimate + " vs heap " + (after - before));
        kept.get(0); // keep the list reachable until measured
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}
