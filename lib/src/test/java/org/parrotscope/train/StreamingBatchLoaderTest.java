package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.clip.WordTokenizer;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.ShardWriter;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.util.Progress;

/** The streaming loader on generated mini-LAION shards: order, epochs, resume, manifests, memory bound. */
class StreamingBatchLoaderTest {

    private static final int GOOD = 62;
    private static final int BATCH = 4;

    @TempDir
    static Path tmp;

    static Path pool;
    static Path corrupt;

    @BeforeAll
    static void writeData() throws Exception {
        pool = tmp.resolve("pool");
        SynthConfig c = SynthConfig.builder()
                .setSeed(5)
                .setSamples(GOOD)
                .optImageSize(32)
                .optTextRate(0)
                .optShardSize(10)
                .optFormat("png")
                .build();
        MiniLaionWriter.write(new MiniLaion(c), pool, Progress.silent());
        corrupt = tmp.resolve("corrupt.tar");
        try (ShardWriter w = ShardWriter.open(corrupt)) {
            for (int i = 0; i < 3; i++) {
                byte[] junk = ("not a png " + i).getBytes(StandardCharsets.UTF_8);
                w.write(new Sample("corrupt" + i, "a broken image", "png", junk, null, corrupt.toString()));
            }
        }
    }

    private static Set<String> goodKeys() {
        return new TreeSet<>(IntStream.range(0, GOOD).mapToObj(MiniLaion::key).toList());
    }

    private static StreamingSource source(List<String> specs, int buffer) throws Exception {
        return StreamingSource.open(specs, buffer, new SkipLog());
    }

    private static StreamingBatchLoader loader(
            StreamingSource s, long seed, int start, long cursor, int end, int threads) {
        TrainTransform t =
                new TrainTransform(16, 0.9, 1.0, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
        WordTokenizer tok = WordTokenizer.build(s.captions(), 1, 8);
        ImageDecoder dec = ImageDecoder.defaults();
        return new StreamingBatchLoader(
                s,
                BATCH,
                seed,
                start,
                cursor,
                end,
                t,
                tok,
                8,
                x -> {
                    try {
                        return dec.decode(x);
                    } catch (Exception e) {
                        throw new IllegalArgumentException(e);
                    }
                },
                threads,
                2);
    }

    private static List<TrainBatch> run(StreamingSource s, long seed, int start, long cursor, int end, int threads) {
        List<TrainBatch> out = new ArrayList<>();
        try (StreamingBatchLoader l = loader(s, seed, start, cursor, end, threads)) {
            l.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> keys(List<TrainBatch> batches) {
        return batches.stream().flatMap(b -> b.keys().stream()).toList();
    }

    private static void assertSameBatches(List<TrainBatch> a, List<TrainBatch> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).step(), b.get(i).step());
            assertEquals(a.get(i).epoch(), b.get(i).epoch());
            assertEquals(a.get(i).keys(), b.get(i).keys(), "step " + a.get(i).step());
            assertArrayEquals(
                    a.get(i).pixels(), b.get(i).pixels(), "step " + a.get(i).step());
            assertArrayEquals(
                    a.get(i).tokens(), b.get(i).tokens(), "step " + a.get(i).step());
            assertEquals(a.get(i).cursor(), b.get(i).cursor());
        }
    }

    @Test
    void epoch_isEverySampleOnce_inASeededOrderThatDiffersByEpoch() throws Exception {
        StreamingSource s = source(List.of(pool.toString()), 16);
        assertEquals(GOOD, s.size());
        // 62 samples at batch 4: 15 full batches per epoch, 2 samples of each epoch dropped (OpenCLIP's drop-last)
        List<TrainBatch> b = run(s, 9, 0, -1, 30, 2);
        assertEquals(30, b.size());
        List<String> e0 = keys(b.subList(0, 15));
        List<String> e1 = keys(b.subList(15, 30));
        assertEquals(60, new HashSet<>(e0).size());
        assertEquals(60, new HashSet<>(e1).size());
        assertTrue(goodKeys().containsAll(e0) && goodKeys().containsAll(e1));
        assertTrue(b.subList(0, 15).stream().allMatch(x -> x.epoch() == 0));
        assertTrue(b.subList(15, 30).stream().allMatch(x -> x.epoch() == 1));
        assertNotEquals(e0, e1);
        // shuffled: not the shard order of the first 60 keys
        assertNotEquals(new ArrayList<>(goodKeys()).subList(0, 60), e0);
    }

    @Test
    void sameSeed_sameBatches_onAnyThreadCount_otherSeed_otherOrder() throws Exception {
        StreamingSource s = source(List.of(pool.toString()), 16);
        List<TrainBatch> a = run(s, 9, 0, -1, 20, 1);
        assertSameBatches(a, run(s, 9, 0, -1, 20, 3));
        assertNotEquals(keys(a), keys(run(s, 10, 0, -1, 20, 2)));
    }

    @Test
    void bufferOfOne_oneShard_keepsTheStoredOrder() throws Exception {
        // a shuffle buffer of one sample emits each sample as it arrives, so one shard comes in its stored order
        StreamingSource s = source(List.of(pool.resolve("00000.tar").toString()), 1);
        List<String> got = new ArrayList<>();
        try (StreamingSource.Epoch e = s.epoch(3, 0)) {
            e.forEachRemaining(x -> got.add(x.key()));
        }
        assertEquals(IntStream.range(0, 10).mapToObj(MiniLaion::key).toList(), got);
    }

    @Test
    void resume_continuesWithTheBatchesOfAnUninterruptedRun_acrossCorruptImagesAndEpochs() throws Exception {
        StreamingSource s = source(List.of(pool.toString(), corrupt.toString()), 16);
        assertEquals(GOOD + 3, s.size());
        // 65 samples: 16 steps per epoch need 64 decodable images, 62 exist, so each epoch also wraps around
        List<TrainBatch> straight = run(s, 4, 0, -1, 40, 2);
        for (int n : new int[] {7, 15, 16, 20}) {
            List<TrainBatch> first = run(s, 4, 0, -1, n, 2);
            List<TrainBatch> second = run(s, 4, n, first.get(n - 1).cursor(), 40, 2);
            List<TrainBatch> joined = new ArrayList<>(first);
            joined.addAll(second);
            assertSameBatches(straight, joined);
        }
        List<String> e0 = keys(straight.subList(0, 16));
        assertEquals(goodKeys(), new TreeSet<>(e0.subList(0, GOOD)));
        assertEquals(e0.subList(0, 2), e0.subList(GOOD, GOOD + 2), "the wrap replays the epoch's order");
        assertTrue(e0.stream().noneMatch(k -> k.startsWith("corrupt")));
    }

    /** Undecodable images met in an epoch's stream (cycled) before {@code good} decodable ones. */
    private static int corruptBefore(StreamingSource s, long seed, int good) {
        List<String> order = new ArrayList<>();
        try (StreamingSource.Epoch e = s.epoch(seed, 0)) {
            e.forEachRemaining(x -> order.add(x.key()));
        }
        int corruptMet = 0;
        int goodMet = 0;
        for (int i = 0; goodMet < good; i++) {
            if (order.get(i % order.size()).startsWith("corrupt")) {
                corruptMet++;
            } else {
                goodMet++;
            }
        }
        return corruptMet;
    }

    @Test
    void corruptImages_areSkippedAndCounted() throws Exception {
        StreamingSource s = source(List.of(pool.toString(), corrupt.toString()), 16);
        for (int steps : new int[] {5, 15, 16}) {
            try (StreamingBatchLoader l = loader(s, 4, 0, -1, steps, 2)) {
                List<String> got = new ArrayList<>();
                l.forEachRemaining(b -> got.addAll(b.keys()));
                assertTrue(got.stream().noneMatch(k -> k.startsWith("corrupt")));
                assertEquals(corruptBefore(s, 4, steps * BATCH), l.skipped(), steps + " steps");
            }
        }
        // 16 steps need 64 of the 62 decodable images: the whole pass, so all 3 corrupt ones are met at least once
        assertTrue(corruptBefore(s, 4, 64) >= 3);
    }

    @Test
    void manifest_filtersToItsKeys_andChecksThem() throws Exception {
        Set<String> chosen = new TreeSet<>();
        for (int i = 0; i < GOOD; i += 3) {
            chosen.add(MiniLaion.key(i));
        }
        Path m = tmp.resolve("subset.json");
        new SubsetManifest(List.of("pool"), chosen).save(m);
        StreamingSource s = source(List.of(m.toString()), 8);
        assertEquals(chosen.size(), s.size());
        // 21 keys at batch 4: 5 steps an epoch, 20 distinct listed keys
        List<String> got = keys(run(s, 1, 0, -1, 5, 2));
        assertEquals(20, new HashSet<>(got).size());
        assertTrue(chosen.containsAll(got));
        Path bad = tmp.resolve("bad.json");
        new SubsetManifest(List.of("pool"), Set.of(MiniLaion.key(1), "999999999")).save(bad);
        assertThrows(java.io.IOException.class, () -> source(List.of(bad.toString()), 8));
    }

    @Test
    void memory_staysWithinBufferAndPreparedBatches() throws Exception {
        StreamingSource s = source(List.of(pool.toString()), 16);
        try (StreamingBatchLoader l = loader(s, 2, 0, -1, 45, 2)) {
            l.forEachRemaining(b -> {});
            int bound = 16 + (2 + 2) * BATCH;
            assertTrue(l.maxHeldSamples() <= bound, l.maxHeldSamples() + " > " + bound);
            assertTrue(l.maxHeldSamples() >= 16, "the buffer fills: " + l.maxHeldSamples());
            assertTrue(bound < GOOD, "the bound is below the data size, so holding it all would fail");
        }
    }
}
