package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.clip.WordTokenizer;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.util.Progress;

class BatchLoaderTest {

    private static List<Sample> samples(int n) {
        MiniLaion g = new MiniLaion(SynthConfig.builder()
                .setSeed(2)
                .setSamples(n)
                .optImageSize(32)
                .optTextRate(0)
                .optFormat("png")
                .build());
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.generate(i).sample());
        }
        return out;
    }

    private static List<TrainBatch> load(List<Sample> s, int start, int end, int threads) {
        TrainTransform t =
                new TrainTransform(16, 0.9, 1.0, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
        WordTokenizer tok = WordTokenizer.build(s.stream().map(Sample::caption).toList(), 1, 8);
        ImageDecoder dec = ImageDecoder.defaults();
        List<TrainBatch> out = new ArrayList<>();
        try (BatchLoader l = new BatchLoader(
                s,
                4,
                9,
                start,
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
                2)) {
            l.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void permutation_isAPermutation_differingByEpoch() {
        int[] p0 = BatchLoader.permutation(50, 1, 0);
        int[] sorted = p0.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(p0, BatchLoader.permutation(50, 1, 0));
        assertNotEquals(Arrays.toString(p0), Arrays.toString(BatchLoader.permutation(50, 1, 1)));
    }

    @Test
    void batches_dependOnlyOnSeedAndStep_notOnThreadsOrStartStep() {
        List<Sample> s = samples(10); // 2 full batches of 4 per epoch, 2 samples dropped
        List<TrainBatch> a = load(s, 0, 5, 1);
        List<TrainBatch> b = load(s, 3, 5, 3);
        assertEquals(5, a.size());
        assertEquals(List.of(0, 0, 1, 1, 2), a.stream().map(TrainBatch::epoch).toList());
        for (int i = 0; i < 2; i++) {
            assertEquals(a.get(3 + i).step(), b.get(i).step());
            assertArrayEquals(a.get(3 + i).pixels(), b.get(i).pixels());
            assertArrayEquals(a.get(3 + i).tokens(), b.get(i).tokens());
        }
    }

    @Test
    void loader_refusesLessThanOneBatch() {
        assertThrows(IllegalArgumentException.class, () -> load(samples(3), 0, 1, 1));
    }

    @Test
    void manifest_selectsListedKeysOfItsShards(@TempDir Path dir) throws Exception {
        SynthConfig c = SynthConfig.builder()
                .setSeed(4)
                .setSamples(12)
                .optImageSize(32)
                .optShardSize(5)
                .optFormat("png")
                .build();
        MiniLaionWriter.write(new MiniLaion(c), dir.resolve("pool"), Progress.silent());
        Path manifest = dir.resolve("subset.json");
        new SubsetManifest(List.of("pool"), Set.of(MiniLaion.key(1), MiniLaion.key(7), MiniLaion.key(11)))
                .save(manifest);
        List<Sample> got = TrainingData.load(List.of(manifest.toString()), new SkipLog());
        assertEquals(
                List.of(MiniLaion.key(1), MiniLaion.key(7), MiniLaion.key(11)),
                got.stream().map(Sample::key).toList());
        Files.writeString(manifest, "{\"shards\": [\"pool\"], \"keys\": [\"000000001\", \"999\"]}");
        assertThrows(java.io.IOException.class, () -> TrainingData.load(List.of(manifest.toString()), new SkipLog()));
    }
}
