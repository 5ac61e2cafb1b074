package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One GNU tar shard holding every bad-sample case, each checked for its documented outcome. */
class BadSamplesTest {

    @TempDir
    Path tmp;

    private Path tar;

    @BeforeEach
    void makeShard() throws IOException {
        byte[] jpg = TestFiles.image("jpg", 20, 20, Color.ORANGE);
        Map<String, byte[]> m = TestFiles.ordered();
        m.put("000000010.jpg", new byte[0]);
        m.put("000000010.txt", TestFiles.utf8("zero-byte image"));
        TestFiles.sample(m, "000000011", "jpg", null, "caption without image", "{}");
        TestFiles.sample(m, "000000012", "jpg", jpg, null, "{}");
        TestFiles.sample(m, "000000013", "jpg", jpg, "  \n", null);
        m.put("000000014.jpg", jpg);
        m.put("000000014.txt", new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', 'o', 'k'}); // Latin-1 é: invalid UTF-8
        TestFiles.sample(m, "000000015", "jpg", jpg, "bad metadata", "{\"url\": ");
        TestFiles.sample(m, "000000016", "jpg", jpg, "first", null);
        TestFiles.sample(m, "000000017", "jpg", jpg, "seventeen", null);
        Path dir = tmp.resolve("files");
        tar = TestFiles.gnuTar(dir, TestFiles.files(dir, m), tmp.resolve("bad.tar"), "gnu");
        // Append a second 000000016 after 000000017, as a re-run of a downloader might.
        Files.writeString(dir.resolve("000000016.txt"), "second");
        TestFiles.run(List.of("tar", "-rf", tar.toString(), "-C", dir.toString(), "000000016.jpg", "000000016.txt"));
    }

    @Test
    void everyBadCase_isSkippedOrFlaggedWithItsReason() throws IOException {
        SkipLog skips = new SkipLog();
        List<Sample> samples = TestFiles.readAll(new TarShard(tar, ReadOptions.defaults()), skips);
        assertEquals(List.of("000000014", "000000015", "000000016", "000000017"), TestFiles.keys(samples));
        assertEquals(
                List.of(
                        "empty_file 000000010",
                        "missing_image 000000011",
                        "missing_caption 000000012",
                        "missing_caption 000000013",
                        "duplicate_key 000000016"),
                skips.entries().stream().map(s -> s.reason() + " " + s.key()).toList());
        assertTrue(skips.entries().stream().allMatch(s -> s.source().equals(tar.toString())));
        assertEquals(
                Map.of("duplicate_key", 1L, "empty_file", 1L, "missing_caption", 2L, "missing_image", 1L),
                skips.countsByReason());
        assertEquals(5, skips.total());

        Sample flagged = samples.get(0);
        assertEquals("caf\uFFFD ok", flagged.caption());
        assertTrue(flagged.captionFlagged());
        Sample badJson = samples.get(1);
        assertEquals(0, badJson.metadata().size());
        assertFalse(badJson.captionFlagged());
        assertEquals("first", samples.get(2).caption(), "the first occurrence of a key is kept");
        assertEquals(Map.of("invalid_utf8_caption", 1L, "malformed_json", 1L), skips.warningsByReason());
    }

    @Test
    void keepMissingCaptions_keepsThemWithAnEmptyCaption() throws IOException {
        SkipLog skips = new SkipLog();
        ReadOptions keep = ReadOptions.builder().optKeepMissingCaptions(true).build();
        List<Sample> samples = TestFiles.readAll(new TarShard(tar, keep), skips);
        assertEquals(
                List.of("000000012", "000000013", "000000014", "000000015", "000000016", "000000017"),
                TestFiles.keys(samples));
        assertEquals("", samples.get(0).caption());
        assertEquals("", samples.get(1).caption());
        assertEquals(Map.of("duplicate_key", 1L, "empty_file", 1L, "missing_image", 1L), skips.countsByReason());
    }

    @Test
    void entryAboveTheSizeLimit_isSkippedAsTooLarge() throws IOException {
        SkipLog skips = new SkipLog();
        ReadOptions tiny = ReadOptions.builder().optMaxEntryBytes(100).build(); // every JPEG here is larger
        List<Sample> samples = TestFiles.readAll(new TarShard(tar, tiny), skips);
        assertEquals(List.of(), samples);
        // 7 groups have a JPEG (the duplicate 000000016 included); 0-byte and absent images keep their own reasons
        assertEquals(Map.of("too_large", 7L, "empty_file", 1L, "missing_image", 1L), skips.countsByReason());
    }
}
