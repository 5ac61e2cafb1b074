package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Test inputs made by independent tools: tar archives written by GNU tar and by Python's tarfile,
 * images written by the JDK's ImageIO writers, entry offsets listed by GNU tar ({@code tar -tvR}).
 */
public final class TestFiles {

    private TestFiles() {}

    /** @return a w x h image of one colour with a darker lower half, encoded as {@code format} by ImageIO */
    public static byte[] image(String format, int w, int h, Color color) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.setColor(color.darker());
        g.fillRect(0, h / 2, w, h - h / 2);
        g.dispose();
        return encode(img, format);
    }

    /** @return the image encoded by ImageIO */
    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes files into {@code dir} (name to content, in order) and returns their names in that order. */
    public static List<String> files(Path dir, Map<String, byte[]> content) throws IOException {
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>();
        for (var e : content.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
            names.add(e.getKey());
        }
        return names;
    }

    /** @return UTF-8 bytes */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A sample's files in img2dataset order: image, caption, metadata. */
    public static Map<String, byte[]> sample(
            Map<String, byte[]> into, String key, String ext, byte[] image, String caption, String json) {
        if (image != null) {
            into.put(key + "." + ext, image);
        }
        if (caption != null) {
            into.put(key + ".txt", utf8(caption));
        }
        if (json != null) {
            into.put(key + ".json", utf8(json));
        }
        return into;
    }

    /** @return a new ordered map */
    public static Map<String, byte[]> ordered() {
        return new LinkedHashMap<>();
    }

    /**
     * Archives files with GNU tar, members in the given order.
     *
     * @param format a GNU tar {@code --format} value: {@code ustar}, {@code gnu}, {@code pax}
     */
    public static Path gnuTar(Path dir, List<String> names, Path tar, String format) throws IOException {
        List<String> cmd = new ArrayList<>(
                List.of("tar", "--format=" + format, "--no-recursion", "-cf", tar.toString(), "-C", dir.toString()));
        cmd.addAll(names);
        run(cmd);
        return tar;
    }

    /**
     * Archives files with Python's tarfile, members in the given order.
     *
     * @param format {@code USTAR_FORMAT}, {@code GNU_FORMAT} or {@code PAX_FORMAT}
     */
    public static Path pythonTar(Path dir, List<String> names, Path tar, String format) throws IOException {
        String script = "import sys, tarfile\n"
                + "with tarfile.open(sys.argv[1], 'w', format=tarfile." + format + ") as t:\n"
                + "    for n in sys.argv[3:]:\n"
                + "        t.add(sys.argv[2] + '/' + n, arcname=n)\n";
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", script, tar.toString(), dir.toString()));
        cmd.addAll(names);
        run(cmd);
        return tar;
    }

    /** @return each member's header offset in bytes, as listed by GNU tar's {@code --block-number} */
    public static Map<String, Long> headerOffsets(Path tar) throws IOException {
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (String line : run(List.of("tar", "-tvR", "-f", tar.toString())).split("\n")) {
            if (line.startsWith("block ") && !line.contains("** Block of NULs **") && !line.contains("End of File")) {
                long block = Long.parseLong(line.substring(6, line.indexOf(':')));
                String name = line.substring(line.lastIndexOf(' ') + 1);
                offsets.put(name, block * 512);
            }
        }
        return offsets;
    }

    /** Runs a command and returns its standard output; fails the test on a non-zero exit. */
    public static String run(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, p.waitFor(), () -> String.join(" ", cmd) + " failed:\n" + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    /** Reads a whole shard, returning its samples (the skips go to {@code skips}). */
    public static List<Sample> readAll(Shard shard, SkipLog skips) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (SampleStream s = shard.open(skips)) {
            s.forEach(out::add);
        }
        return out;
    }

    /** @return the keys of samples */
    public static List<String> keys(List<Sample> samples) {
        return samples.stream().map(Sample::key).toList();
    }
}
