package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarShardTest {

    @TempDir
    Path tmp;

    private final byte[] jpg = TestFiles.image("jpg", 16, 12, Color.RED);
    private final byte[] png = TestFiles.image("png", 8, 8, Color.GREEN);

    /** Three img2dataset-style samples: jpg + txt + json, png + txt + json, jpg + txt. */
    private Map<String, byte[]> threeSamples() {
        Map<String, byte[]> m = TestFiles.ordered();
        TestFiles.sample(
                m,
                "000000000",
                "jpg",
                jpg,
                "a red square",
                "{\"url\": \"http://x/0.jpg\", \"width\": 16, \"key\": \"000000000\"}");
        TestFiles.sample(
                m,
                "000000001",
                "png",
                png,
                "green, caf\u00e9 \u2014 \u201cquoted\u201d",
                "{\"url\": \"http://x/1.png\"}");
        TestFiles.sample(m, "000000002", "jpg", jpg, "third", null);
        return m;
    }

    private void assertThreeSamples(List<Sample> samples, SkipLog skips, Path tar) {
        assertEquals(List.of("000000000", "000000001", "000000002"), TestFiles.keys(samples));
        assertEquals(0, skips.total(), () -> skips.entries().toString());
        Sample s0 = samples.get(0);
        assertEquals("a red square", s0.caption());
        assertEquals("jpg", s0.imageExt());
        assertArrayEquals(jpg, s0.imageBytes());
        assertEquals("http://x/0.jpg", s0.metadata().get("url").getAsString());
        assertEquals(16, s0.metadata().get("width").getAsInt());
        assertEquals(tar.toString(), s0.source());
        Sample s1 = samples.get(1);
        assertEquals("png", s1.imageExt());
        assertArrayEquals(png, s1.imageBytes());
        assertEquals("green, caf\u00e9 \u2014 \u201cquoted\u201d", s1.caption());
        assertEquals(false, s1.captionFlagged());
        assertEquals(0, samples.get(2).metadata().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ustar", "gnu", "pax"})
    void gnuTarShard_readsEverySampleInOrder(String format) throws IOException {
        Path dir = tmp.resolve("files");
        List<String> names = TestFiles.files(dir, threeSamples());
        Path tar = TestFiles.gnuTar(dir, names, tmp.resolve("00000.tar"), format);
        SkipLog skips = new SkipLog();
        assertThreeSamples(TestFiles.readAll(new TarShard(tar, ReadOptions.defaults()), skips), skips, tar);
    }

    @ParameterizedTest
    @ValueSource(strings = {"USTAR_FORMAT", "GNU_FORMAT", "PAX_FORMAT"})
    void pythonTarfileShard_readsEverySampleInOrder(String format) throws IOException {
        Path dir = tmp.resolve("files");
        List<String> names = TestFiles.files(dir, threeSamples());
        Path tar = TestFiles.pythonTar(dir, names, tmp.resolve("00000.tar"), format);
        SkipLog skips = new SkipLog();
        assertThreeSamples(TestFiles.readAll(new TarShard(tar, ReadOptions.defaults()), skips), skips, tar);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax"})
    void longAndNonAsciiNames_keepTheWholeKey(String format) throws IOException {
        String deep =
                "d".repeat(60) + "/" + "\u00e9t\u00e9-".repeat(20) + "x"; // > 100 bytes: GNU long name or pax path
        Map<String, byte[]> m = TestFiles.ordered();
        TestFiles.sample(m, deep, "jpg", jpg, "long", null);
        Path dir = tmp.resolve("files");
        Path tar = TestFiles.gnuTar(dir, TestFiles.files(dir, m), tmp.resolve("long.tar"), format);
        SkipLog skips = new SkipLog();
        List<Sample> samples = TestFiles.readAll(new TarShard(tar, ReadOptions.defaults()), skips);
        assertEquals(List.of(deep), TestFiles.keys(samples));
        assertEquals("long", samples.get(0).caption());
    }

    @Test
    void entriesInAnyOrderAndExtraFiles_areGroupedByKey() throws IOException {
        Map<String, byte[]> m = TestFiles.ordered();
        m.put("000000005.json", TestFiles.utf8("{\"k\": 5}"));
        m.put("000000005.txt", TestFiles.utf8("caption five\n"));
        m.put("000000005.cls", TestFiles.utf8("3"));
        m.put("000000005.jpg", jpg);
        m.put("000000006.txt", TestFiles.utf8("six"));
        m.put("000000006.seg.png", png); // an unknown extension: not the sample image
        m.put("000000006.webp.bak", png);
        m.put("000000006.png", png);
        Path dir = tmp.resolve("files");
        Path tar = TestFiles.gnuTar(dir, TestFiles.files(dir, m), tmp.resolve("x.tar"), "gnu");
        SkipLog skips = new SkipLog();
        List<Sample> samples = TestFiles.readAll(new TarShard(tar, ReadOptions.defaults()), skips);
        assertEquals(List.of("000000005", "000000006"), TestFiles.keys(samples));
        assertEquals("caption five", samples.get(0).caption(), "surrounding whitespace is stripped");
        assertEquals(5, samples.get(0).metadata().get("k").getAsInt());
        assertEquals("png", samples.get(1).imageExt());
        assertEquals(0, skips.total());
    }

    @Test
    void directoryEntriesAndDotSlashPrefixes_areIgnored() throws IOException {
        Map<String, byte[]> m = TestFiles.ordered();
        TestFiles.sample(m, "sub/000000007", "jpg", jpg, "seven", null);
        Path dir = tmp.resolve("files");
        TestFiles.files(dir, m);
        Path tar = tmp.resolve("dirs.tar");
        TestFiles.run(List.of("tar", "-cf", tar.toString(), "-C", dir.toString(), "./sub"));
        SkipLog skips = new SkipLog();
        List<Sample> samples = TestFiles.readAll(new TarShard(tar, ReadOptions.defaults()), skips);
        assertEquals(List.of("sub/000000007"), TestFiles.keys(samples));
    }

    @Test
    void gzippedShard_isReadLikeAPlainOne() throws IOException {
        Path dir = tmp.resolve("files");
        List<String> names = TestFiles.files(dir, threeSamples());
        Path tar = tmp.resolve("00000.tar.gz");
        List<String> cmd = new java.util.ArrayList<>(List.of("tar", "-czf", tar.toString(), "-C", dir.toString()));
        cmd.addAll(names);
        TestFiles.run(cmd);
        SkipLog skips = new SkipLog();
        TarShard shard = new TarShard(tar, ReadOptions.defaults());
        assertEquals("00000", shard.name());
        assertThreeSamples(TestFiles.readAll(shard, skips), skips, tar);
    }

    @Test
    void missingFile_throwsNamingIt() {
        Path missing = tmp.resolve("nope.tar");
        IOException e = assertThrows(
                IOException.class, () -> new TarShard(missing, ReadOptions.defaults()).open(new SkipLog()));
        assertTrue(e.getMessage().contains("nope.tar"), e.getMessage());
    }

    @Test
    void sampleStream_isOnePass() throws IOException {
        Path dir = tmp.resolve("files");
        Path tar = TestFiles.gnuTar(dir, TestFiles.files(dir, threeSamples()), tmp.resolve("a.tar"), "ustar");
        try (SampleStream s = new TarShard(tar, ReadOptions.defaults()).open(new SkipLog())) {
            assertEquals(3, s.stream().count());
            assertThrows(IllegalStateException.class, s::iterator);
        }
    }
}
