package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard writer's output checked with GNU tar and Python's tarfile as independent readers. */
class ShardWriterTest {

    @TempDir
    Path dir;

    /** Image payloads chosen to hit block boundaries: 0..255 cycle (1000 B), exactly 512 B, empty. */
    private static List<Sample> samples() {
        byte[] a = new byte[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) i;
        }
        byte[] b = new byte[512];
        java.util.Arrays.fill(b, (byte) 0xff);
        JsonObject meta = new JsonObject();
        meta.addProperty("key", "000000000");
        meta.addProperty("caption", "café \"quoted\"");
        return List.of(
                new Sample("000000000", "café \"quoted\"", "jpg", a, meta, "test"),
                new Sample("000000001", "", "png", b, null, "test"),
                new Sample("000000002", "zero byte image\nsecond line", "webp", new byte[0], new JsonObject(), "test"));
    }

    private Path writeShard(String name) throws IOException {
        Path tar = dir.resolve(name);
        try (ShardWriter w = ShardWriter.open(tar)) {
            for (Sample s : samples()) {
                w.write(s);
            }
            assertFalse(Files.exists(tar), "the shard must appear only on close");
        }
        return tar;
    }

    @Test
    void gnuTar_listsEntriesInImageTxtJsonOrderWithDeterministicHeaders() throws Exception {
        Path tar = writeShard("00000.tar");
        List<String> lines = run(dir, "tar", "--numeric-owner", "--utc", "-tvf", tar.toString());
        assertEquals(9, lines.size(), String.join("\n", lines));
        String[] expectedNames = {
            "000000000.jpg", "000000000.txt", "000000000.json",
            "000000001.png", "000000001.txt", "000000001.json",
            "000000002.webp", "000000002.txt", "000000002.json"
        };
        for (int i = 0; i < 9; i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith("-rw-r--r-- 0/0"), line);
            assertTrue(line.contains("1970-01-01 00:00"), line);
            assertTrue(line.endsWith(" " + expectedNames[i]), line);
        }
        assertTrue(lines.get(0).contains(" 1000 1970"), lines.get(0));
        assertTrue(lines.get(3).contains(" 512 1970"), lines.get(3));
        assertTrue(lines.get(6).contains(" 0 1970"), lines.get(6));
        assertEquals(0, Files.size(tar) % 10240, "padded to GNU tar's 10240-byte record");
    }

    @Test
    void gnuTar_extractsExactlyTheBytesWritten() throws Exception {
        Path tar = writeShard("00000.tar");
        Path out = Files.createDirectory(dir.resolve("x"));
        run(out, "tar", "-xf", tar.toString());
        for (Sample s : samples()) {
            assertArrayEquals(s.imageBytes(), Files.readAllBytes(out.resolve(s.key() + "." + s.imageExt())));
            assertEquals(s.caption(), Files.readString(out.resolve(s.key() + ".txt"), StandardCharsets.UTF_8));
            String json = Files.readString(out.resolve(s.key() + ".json"), StandardCharsets.UTF_8);
            assertEquals(s.metadata(), com.google.gson.JsonParser.parseString(json));
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(9, files.count());
        }
    }

    @Test
    void pythonTarfile_readsExactlyTheBytesWritten() throws Exception {
        Path tar = writeShard("00000.tar");
        String py = "import tarfile,base64,sys\n"
                + "with tarfile.open(sys.argv[1]) as t:\n"
                + "  for m in t.getmembers():\n"
                + "    d=t.extractfile(m).read()\n"
                + "    print(m.name, m.mode, m.uid, m.gid, m.mtime, repr(m.uname), base64.b64encode(d).decode() or '-')\n";
        List<String> lines = run(dir, "/usr/bin/python3", "-c", py, tar.toString());
        List<String> expected = new ArrayList<>();
        for (Sample s : samples()) {
            expected.add(s.key() + "." + s.imageExt() + " 420 0 0 0 '' " + b64(s.imageBytes()));
            expected.add(s.key() + ".txt 420 0 0 0 '' " + b64(s.caption().getBytes(StandardCharsets.UTF_8)));
            expected.add(s.key() + ".json 420 0 0 0 '' "
                    + b64(org.parrotscope.util.Json.COMPACT.toJson(s.metadata()).getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(expected, lines);
    }

    @Test
    void output_isByteIdenticalToPythonTarfileUstarWithTheSameHeaders() throws Exception {
        // Python's tarfile, told to write ustar with mtime 0, mode 0644, uid/gid 0 and empty owner names,
        // is an independent implementation of the same format: the archives must match byte for byte.
        Path tar = writeShard("00000.tar");
        Path x = Files.createDirectory(dir.resolve("x"));
        run(x, "tar", "-xf", tar.toString());
        String py = "import tarfile,sys,os,io\n"
                + "names=sys.argv[3:]\n"
                + "with tarfile.open(sys.argv[1],'w',format=tarfile.USTAR_FORMAT) as t:\n"
                + "  for n in names:\n"
                + "    d=open(os.path.join(sys.argv[2],n),'rb').read()\n"
                + "    i=tarfile.TarInfo(n); i.size=len(d); i.mtime=0; i.mode=0o644; i.uid=0; i.gid=0; i.uname=''; i.gname=''\n"
                + "    t.addfile(i, io.BytesIO(d))\n";
        List<String> cmd = new ArrayList<>(
                List.of("/usr/bin/python3", "-c", py, dir.resolve("py.tar").toString(), x.toString()));
        for (Sample s : samples()) {
            cmd.addAll(List.of(s.key() + "." + s.imageExt(), s.key() + ".txt", s.key() + ".json"));
        }
        run(dir, cmd.toArray(String[]::new));
        assertArrayEquals(Files.readAllBytes(dir.resolve("py.tar")), Files.readAllBytes(tar));
    }

    @Test
    void sameSamples_giveByteIdenticalShards() throws Exception {
        assertArrayEquals(Files.readAllBytes(writeShard("a.tar")), Files.readAllBytes(writeShard("b.tar")));
    }

    @Test
    void emptyShard_isTwoZeroBlocksPaddedToOneRecord() throws Exception {
        Path tar = dir.resolve("empty.tar");
        ShardWriter.open(tar).close();
        assertArrayEquals(new byte[10240], Files.readAllBytes(tar));
        assertEquals(List.of(), run(dir, "tar", "-tf", tar.toString()));
    }

    @Test
    void nameOf100Bytes_isAcceptedAndReadBack() throws Exception {
        String key = "k".repeat(95); // 95 + ".json" = 100 bytes: the name field has no NUL terminator
        Path tar = dir.resolve("long.tar");
        try (ShardWriter w = ShardWriter.open(tar)) {
            w.write(new Sample(key, "c", "png", new byte[] {1, 2, 3}, null, "t"));
        }
        assertEquals(List.of(key + ".png", key + ".txt", key + ".json"), run(dir, "tar", "-tf", tar.toString()));
    }

    @Test
    void keyTooLong_isRejectedWithAClearMessageAndNothingIsPublished() throws Exception {
        Path tar = dir.resolve("bad.tar");
        try (ShardWriter w = ShardWriter.open(tar)) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> w.write(new Sample("k".repeat(96), "c", "jpg", new byte[1], null, "t")));
            assertTrue(e.getMessage().contains("at most 100"), e.getMessage());
            w.abort();
        }
        assertFalse(Files.exists(tar));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "the temporary file is removed by abort");
        }
    }

    @Test
    void keyWithDotOrDuplicate_isRejected() throws Exception {
        try (ShardWriter w = ShardWriter.open(dir.resolve("d.tar"))) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> w.write(new Sample("a.b", "c", "jpg", new byte[1], null, "t")));
            w.write(new Sample("a", "c", "jpg", new byte[1], null, "t"));
            assertThrows(
                    IllegalArgumentException.class, () -> w.write(new Sample("a", "c", "jpg", new byte[1], null, "t")));
            assertEquals(1, w.samples());
        }
    }

    private static String b64(byte[] b) {
        return b.length == 0 ? "-" : Base64.getEncoder().encodeToString(b);
    }

    /** Runs a command and returns its standard output lines; fails the test on a non-zero exit. */
    static List<String> run(Path cwd, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .directory(cwd.toFile())
                .redirectErrorStream(false)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed: " + err);
        String s = new String(out, StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }
}
