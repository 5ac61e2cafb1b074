package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged archives: every sample before the damage is read, and one skip names the shard and the offset. */
class TarDamageTest {

    @TempDir
    Path tmp;

    private Path tar;
    private byte[] bytes;
    private Map<String, Long> offsets;

    @BeforeEach
    void makeShard() throws IOException {
        Map<String, byte[]> m = TestFiles.ordered();
        for (int i = 0; i < 3; i++) {
            TestFiles.sample(
                    m,
                    "00000000" + i,
                    "jpg",
                    TestFiles.image("jpg", 40, 30, Color.BLUE),
                    "caption " + i,
                    "{\"i\": " + i + "}");
        }
        Path dir = tmp.resolve("files");
        tar = TestFiles.gnuTar(dir, TestFiles.files(dir, m), tmp.resolve("good.tar"), "ustar");
        bytes = Files.readAllBytes(tar);
        offsets = TestFiles.headerOffsets(tar); // computed by GNU tar, not by our reader
    }

    private List<Sample> read(byte[] content, SkipLog skips) throws IOException {
        Path damaged = tmp.resolve("damaged.tar");
        Files.write(damaged, content);
        return TestFiles.readAll(new TarShard(damaged, ReadOptions.defaults()), skips);
    }

    @Test
    void truncatedInsideAnImage_keepsEarlierSamplesAndNamesTheDamagedOne() throws IOException {
        long header = offsets.get("000000001.jpg");
        SkipLog skips = new SkipLog();
        List<Sample> samples = read(Arrays.copyOf(bytes, (int) header + 512 + 100), skips);
        assertEquals(List.of("000000000"), TestFiles.keys(samples));
        assertEquals(1, skips.total());
        Skipped s = skips.entries().get(0);
        assertEquals("truncated_tar", s.reason());
        assertEquals("000000001", s.key());
        assertTrue(s.source().endsWith("damaged.tar"), s.source());
        assertTrue(s.detail().contains("byte " + header), s.detail());
    }

    @Test
    void truncatedInsideAHeader_keepsTheCompleteSampleBeforeIt() throws IOException {
        long header = offsets.get("000000002.jpg");
        SkipLog skips = new SkipLog();
        List<Sample> samples = read(Arrays.copyOf(bytes, (int) header + 200), skips);
        assertEquals(List.of("000000000", "000000001"), TestFiles.keys(samples));
        assertEquals(1, samples.get(1).metadata().get("i").getAsInt());
        assertEquals(
                List.of("truncated_tar"),
                skips.entries().stream().map(Skipped::reason).toList());
        assertEquals("", skips.entries().get(0).key());
        assertTrue(
                skips.entries().get(0).detail().contains("byte " + header),
                skips.entries().get(0).detail());
    }

    @Test
    void corruptHeader_stopsThereWithCorruptTarAtItsOffset() throws IOException {
        long header = offsets.get("000000002.jpg");
        byte[] broken = bytes.clone();
        for (int i = 0; i < 8; i++) {
            broken[(int) header + 3 + i] ^= 0x55; // inside the name field: the checksum no longer matches
        }
        SkipLog skips = new SkipLog();
        List<Sample> samples = read(broken, skips);
        assertEquals(List.of("000000000", "000000001"), TestFiles.keys(samples));
        assertEquals(
                List.of("corrupt_tar"),
                skips.entries().stream().map(Skipped::reason).toList());
        assertTrue(
                skips.entries().get(0).detail().contains("byte " + header),
                skips.entries().get(0).detail());
    }

    @Test
    void notATarAtAll_isOneCorruptTarAtOffsetZero() throws IOException {
        SkipLog skips = new SkipLog();
        byte[] noise = new byte[3000];
        new java.util.Random(7).nextBytes(noise);
        assertEquals(List.of(), read(noise, skips));
        assertEquals(Map.of("corrupt_tar", 1L), skips.countsByReason());
        assertTrue(
                skips.entries().get(0).detail().contains("byte 0"),
                skips.entries().get(0).detail());
    }

    @Test
    void missingEndOfArchiveBlocks_isNotDamage() throws IOException {
        long end = offsets.get("000000002.json") + 1024; // the json is < 512 bytes: one header + one data block
        SkipLog skips = new SkipLog();
        List<Sample> samples = read(Arrays.copyOf(bytes, (int) end), skips);
        assertEquals(3, samples.size());
        assertEquals(0, skips.total(), () -> skips.entries().toString());
    }
}
