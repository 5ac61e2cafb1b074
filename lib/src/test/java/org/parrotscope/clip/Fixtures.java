package org.parrotscope.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the OpenCLIP fixtures ({@code <root>/../shared/fixtures}) and reads their small files. */
final class Fixtures {

    static final String QUICKGELU = "openclip-tiny-quickgelu";
    static final String GELU = "openclip-tiny-gelu";

    private Fixtures() {}

    static Path root() {
        return Path.of(System.getProperty("parrotscope.root", ".")).resolve("../shared/fixtures").normalize();
    }

    static Path dir(String name) {
        return root().resolve(name);
    }

    static Path bpe() {
        return root().resolve("clip-bpe/bpe_simple_vocab_16e6.txt.gz");
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
