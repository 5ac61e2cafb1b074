package org.parrotscope.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.util.Progress;

/** Same seed and options give byte-identical shards, whatever the shard size or thread scheduling. */
class MiniLaionDeterminismTest {

    @TempDir
    Path dir;

    private Path generate(String name, long seed, int samples, int shardSize) throws Exception {
        SynthConfig c = SynthConfig.builder()
                .setSeed(seed)
                .setSamples(samples)
                .optShardSize(shardSize)
                .optImageSize(96)
                .build();
        Path out = dir.resolve(name);
        MiniLaionWriter.write(new MiniLaion(c), out, Progress.silent());
        return out;
    }

    @Test
    void sameSeedTwice_givesByteIdenticalShards() throws Exception {
        Path a = generate("a", 42, 40, 16);
        Path b = generate("b", 42, 40, 16);
        List<Path> sa = TarEntries.shards(a);
        assertEquals(
                List.of("00000.tar", "00001.tar", "00002.tar"),
                sa.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : sa) {
            assertArrayEquals(
                    Files.readAllBytes(p),
                    Files.readAllBytes(b.resolve(p.getFileName())),
                    p.getFileName().toString());
        }
    }

    @Test
    void shardSize_doesNotChangeTheSamples() throws Exception {
        Map<String, byte[]> small = TarEntries.readAll(generate("small", 7, 30, 7));
        Map<String, byte[]> one = TarEntries.readAll(generate("one", 7, 30, 1000));
        assertEquals(90, one.size());
        assertEquals(List.copyOf(one.keySet()), List.copyOf(small.keySet()));
        for (String name : one.keySet()) {
            assertArrayEquals(one.get(name), small.get(name), name);
        }
        assertEquals("000000000.jpg", one.keySet().iterator().next());
    }

    @Test
    void otherSeed_givesOtherSamples() throws Exception {
        Map<String, byte[]> a = TarEntries.readAll(generate("s1", 1, 5, 10));
        Map<String, byte[]> b = TarEntries.readAll(generate("s2", 2, 5, 10));
        assertEquals(a.keySet(), b.keySet());
        assertFalse(java.util.Arrays.equals(a.get("000000000.jpg"), b.get("000000000.jpg")));
    }

    @Test
    void imageSize_doesNotChangeWordsCaptionsOrTruthLabels() {
        SynthConfig.Builder b = SynthConfig.builder().setSeed(5).setSamples(60);
        MiniLaion small = new MiniLaion(b.optImageSize(48).build());
        MiniLaion large = new MiniLaion(b.optImageSize(320).build());
        for (long i = 0; i < 60; i++) {
            MiniLaion.Generated s = small.generate(i);
            MiniLaion.Generated l = large.generate(i);
            assertEquals(l.sample().caption(), s.sample().caption());
            assertEquals(l.truth().className(), s.truth().className());
            assertEquals(l.truth().color(), s.truth().color());
            assertEquals(l.truth().background(), s.truth().background());
            assertEquals(
                    l.truth().words().stream().map(WordBox::text).toList(),
                    s.truth().words().stream().map(WordBox::text).toList());
        }
    }
}
