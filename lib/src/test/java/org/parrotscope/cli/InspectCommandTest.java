package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.TestFiles;
import picocli.CommandLine;

/** {@code parrotscope inspect} end to end on a dataset whose content is counted by hand below. */
class InspectCommandTest {

    @TempDir
    Path tmp;

    private Path tar;
    private Path folder;

    record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static byte[] pngHeader(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(17)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(w)
                .putInt(h)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(33)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue())
                .array();
    }

    @BeforeEach
    void makeDataset() throws IOException {
        byte[] corrupt = new byte[400];
        new Random(11).nextBytes(corrupt);
        corrupt[0] = (byte) 0xFF;
        corrupt[1] = (byte) 0xD8;
        corrupt[2] = (byte) 0xFF;
        Map<String, byte[]> m = TestFiles.ordered();
        TestFiles.sample(m, "000000000", "jpg", TestFiles.image("jpg", 40, 30, Color.RED), "one two three", "{}");
        TestFiles.sample(m, "000000001", "png", TestFiles.image("png", 100, 80, Color.BLUE), "alpha beta", "{}");
        m.put("000000002.jpg", TestFiles.image("gif", 300, 260, Color.GREEN)); // a GIF stored as .jpg
        m.put("000000002.txt", new byte[] {'c', 'a', 'f', (byte) 0xe9});
        TestFiles.sample(m, "000000003", "jpg", corrupt, "x", null);
        TestFiles.sample(m, "000000004", "png", pngHeader(10_000, 10_000), "bomb", null);
        TestFiles.sample(m, "000000005", "jpg", new byte[0], "empty", null);
        TestFiles.sample(m, "000000006", "jpg", TestFiles.image("jpg", 8, 8, Color.BLACK), null, "{}");
        TestFiles.sample(m, "000000007", "jpg", null, "no image", "{}");
        TestFiles.sample(
                m,
                "000000008",
                "jpg",
                TestFiles.image("jpg", 64, 64, Color.WHITE),
                "  spaced   out words here \n",
                "{}");
        Path files = tmp.resolve("files");
        tar = TestFiles.gnuTar(files, TestFiles.files(files, m), tmp.resolve("00000.tar"), "gnu");
        folder = tmp.resolve("folder");
        Files.createDirectories(folder);
        Files.write(folder.resolve("c1.png"), TestFiles.image("png", 128, 128, Color.GRAY));
        Files.writeString(folder.resolve("captions.csv"), "image,caption\nc1.png,folder caption\n");
    }

    @Test
    void json_matchesHandCounts() {
        Result r = run("inspect", tar.toString(), folder.toString(), "--json", "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        // valid: 000000000, 000000001, 000000002 (GIF), 000000008, c1
        assertEquals(5, o.get("samples").getAsLong());
        // read by the readers: the 5 valid + 000000003 (corrupt) + 000000004 (bomb)
        assertEquals(7, o.get("samples_read").getAsLong());
        assertEquals(5, o.get("skipped").getAsLong());
        assertEquals(
                JsonParser.parseString(
                        "{\"corrupt_image\":1,\"empty_file\":1,\"missing_caption\":1,\"missing_image\":1,\"too_many_pixels\":1}"),
                o.get("skipped_by_reason"));
        assertEquals(JsonParser.parseString("{\"gif\":1,\"jpeg\":2,\"png\":2}"), o.get("images_by_format"));
        assertEquals(
                JsonParser.parseString(
                        "{\"<64\":1,\"64-127\":2,\"128-255\":1,\"256-511\":1,\"512-1023\":0,\">=1024\":0}"),
                o.get("images_by_shorter_side"));
        // words 3, 2, 1 ("caf\uFFFD"), 4, 2 -> sorted 1 2 2 3 4; nearest-rank p95 = rank ceil(4.75) = 5th
        assertEquals(
                JsonParser.parseString("{\"mean\":2.4,\"median\":2.0,\"p95\":4,\"max\":4}"),
                o.getAsJsonObject("caption_length").get("words"));
        // chars 13, 10, 4, 23 ("spaced   out words here"), 14 -> sorted 4 10 13 14 23
        assertEquals(
                JsonParser.parseString("{\"mean\":12.8,\"median\":13.0,\"p95\":23,\"max\":23}"),
                o.getAsJsonObject("caption_length").get("chars"));
        assertEquals(1, o.get("flagged_captions").getAsLong());
        assertEquals(5, o.getAsJsonArray("skipped_samples").size());
    }

    @Test
    void maxPixels_refusesLargerHeaders() {
        Result r = run("inspect", tar.toString(), folder.toString(), "--json", "--max-pixels", "1500");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        // only 40x30 = 1200 pixels fits; 100x80, 300x260, 64x64, 128x128 and the bomb are refused
        assertEquals(1, o.get("samples").getAsLong());
        assertEquals(
                5, o.getAsJsonObject("skipped_by_reason").get("too_many_pixels").getAsLong());
    }

    @Test
    void text_printsTablesWithReasons() {
        Result r = run("inspect", tar.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("skipped by reason"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  too_many_pixels +1\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*valid samples +4\\n.*"), r.out());
        assertTrue(r.out().contains("missing_image 000000007 @ " + tar), r.out());
    }

    @Test
    void specMatchingNothing_exitsNonZeroNamingIt() {
        String spec = tmp + "/none/{00000..00003}.tar";
        Result r = run("inspect", spec);
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("00000.tar"), r.err());
    }

    @Test
    void fileThatCannotBeOpened_exitsNonZeroNamingIt() throws IOException {
        Path fifo = tmp.resolve("fifo.tar");
        TestFiles.run(List.of("mkfifo", fifo.toString()));
        Result r = run("inspect", fifo.toString());
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("fifo.tar"), r.err());
    }

    @Test
    void brokenTar_stillExitsZeroAndReportsTheDamage() throws IOException {
        byte[] bytes = Files.readAllBytes(tar);
        Files.write(tmp.resolve("cut.tar"), java.util.Arrays.copyOf(bytes, bytes.length / 2 + 100));
        Result r = run("inspect", tmp.resolve("cut.tar").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(
                1, o.getAsJsonObject("skipped_by_reason").get("truncated_tar").getAsLong());
    }
}
