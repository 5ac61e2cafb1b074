package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.parrot.OcrParquet;
import org.parrotscope.parrot.SampleSchema;
import org.parrotscope.util.ShardOutput;
import picocli.CommandLine;

/**
 * {@code ocr --format parquet} resumed over its own outputs: a finished good Parquet file is left alone, and a
 * truncated one, one copied from another shard, and one whose row count differs from the shard's are found,
 * named on stderr with their reason, and rewritten with the shard's rows.
 */
class OcrParquetResumeTest {

    @TempDir
    Path tmp;

    private record Run(int rc, JsonObject summary, String err) {}

    private Run ocr(List<Path> shards, Path out) {
        List<String> args = new ArrayList<>(List.of("ocr"));
        shards.forEach(s -> args.add(s.toString()));
        args.addAll(List.of("--engine", "tesseract", "--threads", "1", "--format", "parquet", "--out", out.toString()));
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(so));
        cl.setErr(new PrintWriter(se));
        int rc = cl.execute(args.toArray(String[]::new));
        JsonObject summary = rc == 0 ? JsonParser.parseString(so.toString()).getAsJsonObject() : null;
        return new Run(rc, summary, se.toString());
    }

    /** An image-folder shard of {@code n} small blank images {@code <name>-<i>.png}. */
    private Path shard(String name, int n) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data").resolve(name));
        StringBuilder csv = new StringBuilder("image,caption\n");
        for (int i = 0; i < n; i++) {
            ImageIO.write(
                    new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB),
                    "png",
                    dir.resolve(name + "-" + i + ".png").toFile());
            csv.append(name)
                    .append('-')
                    .append(i)
                    .append(".png,sample ")
                    .append(i)
                    .append('\n');
        }
        Files.writeString(dir.resolve("captions.csv"), csv);
        return dir;
    }

    private static List<String> names(JsonObject summary) {
        List<String> out = new ArrayList<>();
        summary.getAsJsonArray("parquet_written").forEach(e -> out.add(e.getAsString()));
        return out;
    }

    @Test
    void resume_rewritesTruncatedForeignAndMiscountedFiles_andSkipsAGoodOne() throws Exception {
        List<Path> shards = List.of(shard("a", 2), shard("b", 3), shard("c", 2), shard("d", 3));
        Path out = tmp.resolve("ocr");
        Run first = ocr(shards, out);
        assertEquals(0, first.rc(), first.err());
        assertEquals(List.of("a", "b", "c", "d"), names(first.summary()));
        assertEquals(0, first.summary().getAsJsonObject("parquet_rewritten").size());

        Run again = ocr(shards, out);
        assertEquals(0, again.rc(), again.err());
        assertEquals(List.of(), names(again.summary()), "finished good files are skipped");
        assertFalse(again.err().contains("rewritten"), again.err());

        byte[] good = Files.readAllBytes(out.resolve("b.parquet"));
        // a: cut short (a kill or a full disk after the rename, a partial copy)
        try (RandomAccessFile f = new RandomAccessFile(out.resolve("a.parquet").toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        // c: a complete file of another shard put in its place
        Files.copy(out.resolve("b.parquet"), out.resolve("c.parquet"), StandardCopyOption.REPLACE_EXISTING);
        // d: a complete file naming d and its JSONL, but holding 2 of the shard's 3 samples
        Path d = out.resolve("d.parquet");
        List<Group> firstTwo = SampleSchema.TABLE.read(d).subList(0, 2);
        String sha = ShardOutput.of(out.resolve("d.jsonl")).completion().sha256();
        SampleSchema.TABLE.writeAtomically(d, firstTwo, Map.of(OcrParquet.SHARD_KEY, "d", OcrParquet.SOURCE_KEY, sha));

        Run resumed = ocr(shards, out);
        assertEquals(0, resumed.rc(), resumed.err());
        assertEquals(List.of("a", "c", "d"), names(resumed.summary()));
        String err = resumed.err();
        assertTrue(err.contains(out.resolve("a.parquet") + ": damaged (unreadable"), err);
        assertTrue(err.contains(out.resolve("c.parquet") + ": stale (holds shard b, not c): rewritten"), err);
        assertTrue(
                err.contains(
                        out.resolve("d.parquet") + ": stale (holds 2 rows, the shard has 3 OCR records): rewritten"),
                err);
        assertFalse(err.contains("b.parquet"), err);
        JsonObject rewritten = resumed.summary().getAsJsonObject("parquet_rewritten");
        assertEquals(List.of("a", "c", "d"), new ArrayList<>(rewritten.keySet()));
        assertArrayEquals(good, Files.readAllBytes(out.resolve("b.parquet")), "the good file is untouched");

        int[] sizes = {2, 3, 2, 3};
        for (int i = 0; i < 4; i++) {
            String name = String.valueOf((char) ('a' + i));
            List<Group> rows = SampleSchema.TABLE.read(out.resolve(name + ".parquet"));
            List<String> keys = new ArrayList<>();
            for (Group g : rows) {
                assertEquals(name, g.getString("shard", 0));
                keys.add(g.getString("key", 0));
            }
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < sizes[i]; k++) {
                expected.add(name + "-" + k);
            }
            assertEquals(expected, keys, name);
        }
        assertEquals(List.of(), names(ocr(shards, out).summary()), "everything is current again");
    }
}
