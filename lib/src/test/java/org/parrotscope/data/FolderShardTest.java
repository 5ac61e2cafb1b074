package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image folders with a captions table; the CSV is written by Python's csv module. */
class FolderShardTest {

    @TempDir
    Path tmp;

    private final byte[] jpg = TestFiles.image("jpg", 10, 10, Color.YELLOW);
    private final byte[] png = TestFiles.image("png", 10, 10, Color.PINK);

    private Path csvFolder() throws IOException {
        Path dir = tmp.resolve("csvset");
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("a.jpg"), jpg);
        Files.write(dir.resolve("sub/b.png"), png);
        Files.write(dir.resolve("c.jpg"), jpg);
        Files.write(dir.resolve("d.jpg"), jpg);
        Files.write(dir.resolve("e.jpg"), new byte[0]);
        String script = String.join(
                "\n",
                "import csv, sys",
                "with open(sys.argv[1], 'w', newline='', encoding='utf-8', errors='surrogateescape') as f:",
                "    w = csv.writer(f)",
                "    w.writerow(['image', 'caption', 'source'])",
                "    w.writerow(['a.jpg', 'hello, world', 'web'])",
                "    w.writerow(['sub/b.png', 'multi\\nline \"quoted\"', 'web'])",
                "    w.writerow(['missing.jpg', 'no file', 'web'])",
                "    w.writerow(['c.jpg', '', 'web'])",
                "    w.writerow(['a.jpg', 'again', 'web'])",
                "    w.writerow(['d.jpg', 'caf\\udce9', 'web'])", // a lone 0xE9 byte: invalid UTF-8
                "    w.writerow(['e.jpg', 'zero bytes', 'web'])",
                "    w.writerow(['x.jpg', 'too', 'many', 'fields'])",
                "");
        TestFiles.run(List.of(
                "/usr/bin/python3", "-c", script, dir.resolve("captions.csv").toString()));
        return dir;
    }

    @Test
    void csvFolder_readsRowsAndSkipsBadOnes() throws IOException {
        Path dir = csvFolder();
        SkipLog skips = new SkipLog();
        List<Sample> samples =
                TestFiles.readAll(new FolderShard(dir, FolderShard.findTable(dir), ReadOptions.defaults()), skips);
        assertEquals(List.of("a", "sub/b", "d"), TestFiles.keys(samples));
        assertEquals("hello, world", samples.get(0).caption());
        assertEquals("web", samples.get(0).metadata().get("source").getAsString());
        assertEquals("a.jpg", samples.get(0).metadata().get("image").getAsString());
        assertEquals("jpg", samples.get(0).imageExt());
        assertEquals("multi\nline \"quoted\"", samples.get(1).caption());
        assertEquals("png", samples.get(1).imageExt());
        assertEquals("caf\uFFFD", samples.get(2).caption());
        assertTrue(samples.get(2).captionFlagged());
        assertEquals(
                List.of(
                        "missing_image missing",
                        "missing_caption c",
                        "duplicate_key a",
                        "empty_file e",
                        "malformed_row "),
                skips.entries().stream().map(s -> s.reason() + " " + s.key()).toList());
        // header 1, a 2, b 3-4 (quoted newline), missing 5, c 6, a 7, d 8, e 9, x 10
        assertTrue(
                skips.entries().get(4).detail().contains("line 10"),
                skips.entries().get(4).detail());
        assertEquals(Map.of("invalid_utf8_caption", 1L), skips.warningsByReason());
    }

    @Test
    void jsonlFolder_readsObjectsAndSkipsBadLines() throws IOException {
        Path dir = tmp.resolve("jsonlset");
        Files.createDirectories(dir);
        Files.write(dir.resolve("p.jpg"), jpg);
        Files.write(dir.resolve("q.png"), png);
        Files.writeString(
                dir.resolve("captions.jsonl"),
                String.join(
                        "\n",
                        "{\"image\": \"p.jpg\", \"caption\": \"jsonl p\", \"url\": \"http://p\"}",
                        "",
                        "{\"image\": \"q.png\", \"caption\": \"q \\u00e9\"}",
                        "not json {",
                        "{\"image\": \"nope.jpg\", \"caption\": \"x\"}",
                        "{\"caption\": \"no image\"}",
                        ""));
        SkipLog skips = new SkipLog();
        List<Sample> samples =
                TestFiles.readAll(new FolderShard(dir, FolderShard.findTable(dir), ReadOptions.defaults()), skips);
        assertEquals(List.of("p", "q"), TestFiles.keys(samples));
        assertEquals("http://p", samples.get(0).metadata().get("url").getAsString());
        assertEquals("q \u00e9", samples.get(1).caption());
        assertEquals(
                List.of("malformed_row", "missing_image", "missing_image"),
                skips.entries().stream().map(Skipped::reason).toList());
        assertTrue(
                skips.entries().get(0).detail().contains("line 4"),
                skips.entries().get(0).detail());
    }

    @Test
    void csvWithoutTheRequiredColumns_failsNamingTheFile() throws IOException {
        Path dir = tmp.resolve("badcsv");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("captions.csv"), "file,text\na.jpg,hi\n");
        IOException e = assertThrows(
                IOException.class,
                () -> new FolderShard(dir, FolderShard.findTable(dir), ReadOptions.defaults()).open(new SkipLog()));
        assertTrue(e.getMessage().contains("captions.csv") && e.getMessage().contains("image"), e.getMessage());
    }

    @Test
    void mixedDataset_folderCsvFolderJsonlAndTar_streamsEverything() throws IOException {
        Path csv = csvFolder();
        Path jsonl = tmp.resolve("j");
        Files.createDirectories(jsonl);
        Files.write(jsonl.resolve("j1.jpg"), jpg);
        Files.writeString(jsonl.resolve("captions.jsonl"), "{\"image\": \"j1.jpg\", \"caption\": \"from jsonl\"}\n");
        Map<String, byte[]> m = TestFiles.ordered();
        TestFiles.sample(m, "000000000", "jpg", jpg, "from tar", "{}");
        Path files = tmp.resolve("files");
        Path shards = tmp.resolve("shards");
        Files.createDirectories(shards);
        TestFiles.gnuTar(files, TestFiles.files(files, m), shards.resolve("00000.tar"), "gnu");

        List<Shard> resolved = Datasets.resolve(List.of(csv.toString(), jsonl.toString(), shards + "/*.tar"));
        assertEquals(
                List.of("csvset", "j", "00000"),
                resolved.stream().map(Shard::name).toList());
        SkipLog skips = new SkipLog();
        List<String> keys;
        try (SampleStream s = Datasets.open(resolved, skips)) {
            keys = s.stream().map(Sample::key).toList();
        }
        assertEquals(List.of("a", "sub/b", "d", "j1", "000000000"), keys);
        assertEquals(5, skips.total());
    }
}
