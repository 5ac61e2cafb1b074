package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the OpenCLIP fixtures and our own files, checked against a reader written with Python's json + struct. */
class SafetensorsFileTest {

    /**
     * An independent reader: json + struct only. Prints, per tensor, dtype, shape, offsets, the first and last 4
     * values and a left-to-right float64 sum; plus header facts the format requires.
     */
    static final String PY_READER = String.join(
            "\n",
            "import json, struct, sys",
            "raw = open(sys.argv[1], 'rb').read()",
            "n = struct.unpack('<Q', raw[:8])[0]",
            "text = raw[8:8 + n].decode('utf-8')",
            "hdr = json.loads(text)",
            "data = raw[8 + n:]",
            "fmt = {'F32': ('f', 4), 'F16': ('e', 2), 'F64': ('d', 8), 'I64': ('q', 8), 'I32': ('i', 4)}",
            "out = {'header_len': n, 'json_len': len(text.rstrip(' ').encode()), 'first_char': text[:1],",
            "       'metadata': hdr.pop('__metadata__', {}), 'names': list(hdr), 'tensors': {}}",
            "for name, t in hdr.items():",
            "    b, e = t['data_offsets']",
            "    chunk = data[b:e]",
            "    if t['dtype'] == 'BF16':",
            "        vals = [struct.unpack('<f', struct.pack('<I', h << 16))[0] for (h,) in struct.iter_unpack('<H', chunk)]",
            "    else:",
            "        c, size = fmt[t['dtype']]",
            "        vals = [v for (v,) in struct.iter_unpack('<' + c, chunk)]",
            "    s = 0.0",
            "    for v in vals:",
            "        s += v",
            "    out['tensors'][name] = {'dtype': t['dtype'], 'shape': t['shape'], 'offsets': [b, e],",
            "                            'head': vals[:4], 'tail': vals[-4:], 'sum': s, 'n': len(vals)}",
            "out['data_len'] = len(data)",
            "print(json.dumps(out))");

    static JsonObject pythonRead(Path file) throws Exception {
        return JsonParser.parseString(IoFixtures.python(PY_READER, "", file.toString()))
                .getAsJsonObject();
    }

    /** Compares every tensor of a file with the Python reader's summary. */
    static void assertMatchesPython(Path file) throws Exception {
        JsonObject py = pythonRead(file);
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            List<String> pyNames = new ArrayList<>();
            py.getAsJsonArray("names").forEach(e -> pyNames.add(e.getAsString()));
            assertEquals(pyNames, f.names(), "header order");
            for (String name : f.names()) {
                JsonObject t = py.getAsJsonObject("tensors").getAsJsonObject(name);
                TensorInfo info = f.info(name);
                assertEquals(t.get("dtype").getAsString(), info.dtype().name(), name);
                assertArrayEquals(longs(t.getAsJsonArray("shape")), info.shape(), name);
                assertArrayEquals(longs(t.getAsJsonArray("offsets")), new long[] {info.begin(), info.end()}, name);
                float[] v = f.floats(name);
                assertEquals(t.get("n").getAsInt(), v.length, name);
                double sum = 0;
                for (float x : v) {
                    sum += x;
                }
                assertEquals(t.get("sum").getAsDouble(), sum, 0.0, name + " sum");
                JsonArray head = t.getAsJsonArray("head");
                JsonArray tail = t.getAsJsonArray("tail");
                for (int i = 0; i < head.size(); i++) {
                    assertEquals(head.get(i).getAsFloat(), v[i], 0f, name + " head");
                    assertEquals(tail.get(i).getAsFloat(), v[v.length - tail.size() + i], 0f, name + " tail");
                }
            }
        }
    }

    static long[] longs(JsonArray a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsLong();
        }
        return out;
    }

    @Test
    void openClipModel_everyTensorMatchesPythonStdlibReader() throws Exception {
        assertMatchesPython(IoFixtures.model("openclip-tiny-gelu").resolve("model.safetensors"));
        assertMatchesPython(IoFixtures.model("openclip-tiny-quickgelu").resolve("model.safetensors"));
    }

    @Test
    void openClipFixtures_haveTheShapesTheReadmeDocuments() throws Exception {
        try (SafetensorsFile f =
                SafetensorsFile.open(IoFixtures.model("openclip-tiny-gelu").resolve("pixels.safetensors"))) {
            assertArrayEquals(new long[] {4, 3, 48, 48}, f.info("pixel_values").shape());
            assertEquals(SafeDType.F32, f.info("pixel_values").dtype());
        }
        try (SafetensorsFile f =
                SafetensorsFile.open(IoFixtures.model("openclip-tiny-quickgelu").resolve("model.safetensors"))) {
            // README: vision width 64, patch 8 -> conv1 [64, 3, 8, 8]; text vocabulary 49408 x width 64
            assertArrayEquals(
                    new long[] {64, 3, 8, 8}, f.info("visual.conv1.weight").shape());
            assertArrayEquals(
                    new long[] {49408, 64}, f.info("token_embedding.weight").shape());
            assertEquals(1, f.floats("logit_scale").length);
        }
    }

    @Test
    void missingTensor_errorNamesFileAndTensor() throws Exception {
        Path p = IoFixtures.model("openclip-tiny-gelu").resolve("expected.safetensors");
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            var e = assertThrows(IllegalArgumentException.class, () -> f.floats("no.such.tensor"));
            assertTrue(
                    e.getMessage().contains(p.toString()) && e.getMessage().contains("no.such.tensor"), e.getMessage());
        }
    }

    /** Prints the read speed (no assertion: a benchmark, not a test of speed). */
    @Test
    void readSpeed_printsMegabytesPerSecond() throws Exception {
        Path p = IoFixtures.model("openclip-tiny-gelu").resolve("model.safetensors");
        long bytes = java.nio.file.Files.size(p);
        long checksum = 0;
        int rounds = 20;
        long t0 = 0;
        for (int r = -5; r < rounds; r++) {
            if (r == 0) {
                t0 = System.nanoTime();
            }
            try (SafetensorsFile f = SafetensorsFile.open(p)) {
                for (String n : f.names()) {
                    checksum += f.floats(n).length;
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "safetensors read: %.1f MB in %.3f s per pass = %.0f MB/s (checksum %d)%n",
                bytes / 1e6,
                s / rounds,
                bytes * rounds / 1e6 / s,
                checksum);
        assertTrue(checksum > 0);
    }

    @Test
    void integerTensors_readAsLongsAndRefuseFloats(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("ints.safetensors");
        String header = "{\"a\":{\"dtype\":\"I32\",\"shape\":[3],\"data_offsets\":[0,12]},"
                + "\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[12,14]}}";
        byte[] data = {1, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0x40, (byte) 200, 7};
        SafetensorsMalformedTest.writeRaw(p, header.getBytes(), data);
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            assertArrayEquals(new long[] {1, -1, 1L << 30}, f.longs("a"));
            assertArrayEquals(new long[] {200, 7}, f.longs("b"));
            assertThrows(java.io.IOException.class, () -> f.floats("a"));
            assertEquals(Map.of(), f.metadata());
        }
        Map<String, SafetensorsWriter.Tensor> m = new LinkedHashMap<>();
        m.put("x", SafetensorsWriter.Tensor.of(new float[] {1, 2}, 2));
        Path q = dir.resolve("f.safetensors");
        SafetensorsWriter.write(q, m, SafeDType.F32, Map.of());
        try (SafetensorsFile f = SafetensorsFile.open(q)) {
            assertThrows(java.io.IOException.class, () -> f.longs("x"));
        }
    }
}
