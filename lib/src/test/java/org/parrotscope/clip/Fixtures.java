package org.parrotscope.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the OpenCLIP fixtures (test resources under {@code fixtures/}, see their README for provenance) and
 * the CLIP BPE merges that ship as a library resource, and reads their small files. A missing fixture is an
 * error, never a skipped test.
 */
public final class Fixtures {

    static final String QUICKGELU = "openclip-tiny-quickgelu";
    static final String GELU = "openclip-tiny-gelu";

    private Fixtures() {}

    /** @return the folder holding the OpenCLIP fixtures on the test classpath */
    public static Path root() {
        return resource("/fixtures");
    }

    /** @return the folder of one OpenCLIP model fixture, e.g. {@code openclip-tiny-gelu} */
    public static Path dir(String name) {
        return root().resolve(name);
    }

    /** @return OpenAI's BPE merges, as the library ships them */
    public static Path bpe() {
        return resource("/org/parrotscope/clip/bpe/bpe_simple_vocab_16e6.txt.gz");
    }

    private static Path resource(String name) {
        java.net.URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing from the classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    static JsonObject inputs(String name) throws IOException {
        return JsonParser.parseString(Files.readString(dir(name).resolve("inputs.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    static long[][] inputIds(String name) throws IOException {
        JsonArray rows = inputs(name).getAsJsonArray("input_ids");
        long[][] ids = new long[rows.size()][];
        for (int i = 0; i < ids.length; i++) {
            JsonArray r = rows.get(i).getAsJsonArray();
            ids[i] = new long[r.size()];
            for (int j = 0; j < ids[i].length; j++) {
                ids[i][j] = r.get(j).getAsLong();
            }
        }
        return ids;
    }

    static float[] tensor(String name, String file, String tensor) throws IOException {
        try (SafetensorsFile f = SafetensorsFile.open(dir(name).resolve(file))) {
            return f.floats(tensor);
        }
    }

    static float[][] matrix(String name, String file, String tensor) throws IOException {
        try (SafetensorsFile f = SafetensorsFile.open(dir(name).resolve(file))) {
            long[] shape = f.info(tensor).shape();
            float[] flat = f.floats(tensor);
            int cols = (int) shape[1];
            float[][] m = new float[(int) shape[0]][];
            for (int i = 0; i < m.length; i++) {
                m[i] = java.util.Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
            }
            return m;
        }
    }

    static double maxAbsDiff(float[][] a, float[][] b) {
        if (a.length != b.length) {
            throw new AssertionError("rows " + a.length + " vs " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                throw new AssertionError("row " + i + ": " + a[i].length + " vs " + b[i].length);
            }
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
