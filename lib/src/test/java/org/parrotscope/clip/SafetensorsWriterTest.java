package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips through our writer, checked by Python's struct (which rounds to half itself) and our reader. */
class SafetensorsWriterTest {

    /**
     * Python reference: reads the F32 source values given on stdin (as float32 hex bits) and prints their
     * narrowing to F16 (struct's 'e' format, round-half-even) and to BF16 (frexp + round(), half-even).
     */
    static final String PY_NARROW = String.join(
            "\n",
            "import json, math, struct, sys",
            "out = {'F16': [], 'BF16': []}",
            "for line in sys.stdin.read().split():",
            "    x = struct.unpack('<f', struct.pack('<I', int(line, 16)))[0]",
            "    out['F16'].append(struct.unpack('<e', struct.pack('<e', x))[0])",
            "    m, e = math.frexp(x)",
            "    out['BF16'].append(math.copysign(round(m * 256) / 256 * 2.0 ** e, x))",
            "print(json.dumps(out))");

    @TempDir
    Path dir;

    /** Fixture tensors plus edge values, in insertion order. */
    private static Map<String, SafetensorsWriter.Tensor> sample() throws Exception {
        Map<String, SafetensorsWriter.Tensor> m = new LinkedHashMap<>();
        try (SafetensorsFile f =
                SafetensorsFile.open(IoFixtures.model("openclip-tiny-gelu").resolve("model.safetensors"))) {
            for (String name : List.of("visual.conv1.weight", "logit_scale", "ln_final.bias", "text_projection")) {
                m.put(name, new SafetensorsWriter.Tensor(f.info(name).shape(), f.floats(name)));
            }
        }
        m.put(
                "edge",
                SafetensorsWriter.Tensor.of(
                        new float[] {
                            0f,
                            -0f,
                            1f,
                            1 + 0x1p-11f,
                            1 + 0x1p-8f,
                            1 + 3 * 0x1p-9f,
                            65504f,
                            -60000.5f,
                            0x1p-24f,
                            0x1p-20f,
                            1e-30f,
                            3.14159265f,
                            -2.7182817f,
                            1234.5678f
                        },
                        2,
                        7));
        m.put("empty", SafetensorsWriter.Tensor.of(new float[0], 0, 3));
        return m;
    }

    @Test
    void allThreeDtypes_matchPythonStructDecodingAndRounding() throws Exception {
        Map<String, SafetensorsWriter.Tensor> src = sample();
        StringBuilder hex = new StringBuilder();
        for (var t : src.values()) {
            for (float v : t.data()) {
                hex.append(Integer.toHexString(Float.floatToRawIntBits(v))).append('\n');
            }
        }
        JsonObject narrowed = JsonParser.parseString(IoFixtures.python(PY_NARROW, hex.toString()))
                .getAsJsonObject();
        for (SafeDType dtype : List.of(SafeDType.F32, SafeDType.F16, SafeDType.BF16)) {
            Path p = dir.resolve(dtype + ".safetensors");
            SafetensorsWriter.write(p, src, dtype, Map.of("format", "pt", "note", "é & <ok>"));
            JsonObject py = SafetensorsFileTest.pythonRead(p);
            long n = py.get("header_len").getAsLong();
            assertEquals(0, n % 8, "header padded to 8");
            assertTrue(n - py.get("json_len").getAsLong() < 8, "padding shorter than 8 spaces");
            assertEquals("{", py.get("first_char").getAsString());
            assertEquals(
                    Map.of("format", "pt", "note", "é & <ok>"),
                    Map.of(
                            "format",
                            py.getAsJsonObject("metadata").get("format").getAsString(),
                            "note",
                            py.getAsJsonObject("metadata").get("note").getAsString()));
            SafetensorsFileTest.assertMatchesPython(p);
            try (SafetensorsFile f = SafetensorsFile.open(p)) {
                assertEquals(List.copyOf(src.keySet()), f.names(), "insertion order kept");
                assertEquals(Map.of("format", "pt", "note", "é & <ok>"), f.metadata());
                int at = 0;
                for (var e : src.entrySet()) {
                    float[] back = f.floats(e.getKey());
                    assertArrayEquals(e.getValue().shape(), f.info(e.getKey()).shape());
                    assertEquals(dtype, f.info(e.getKey()).dtype());
                    for (int i = 0; i < back.length; i++, at++) {
                        float want = dtype == SafeDType.F32
                                ? e.getValue().data()[i]
                                : narrowed.getAsJsonArray(dtype.name()).get(at).getAsFloat();
                        assertEquals(
                                Float.floatToIntBits(want),
                                Float.floatToIntBits(back[i]),
                                dtype + " " + e.getKey() + "[" + i + "] of "
                                        + e.getValue().data()[i] + ": " + want + " vs " + back[i]);
                    }
                }
            }
        }
    }

    @Test
    void headerJson_isCompactAndSpacePadded() {
        Map<String, SafetensorsWriter.Tensor> m = new LinkedHashMap<>();
        m.put("b", SafetensorsWriter.Tensor.of(new float[] {1, 2, 3}, 3));
        m.put("a", SafetensorsWriter.Tensor.of(new float[] {4}));
        byte[] h = SafetensorsWriter.header(m, SafeDType.F16, Map.of());
        // hand-written expectation: the reference implementation's serde_json compact form, padded to 8
        String json = "{\"b\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]},"
                + "\"a\":{\"dtype\":\"F16\",\"shape\":[],\"data_offsets\":[6,8]}}";
        assertEquals(
                json + " ".repeat((8 - json.length() % 8) % 8), new String(h, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.Tensor.of(new float[3], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.Tensor.of(new float[0], -1));
        Map<String, SafetensorsWriter.Tensor> m = Map.of("x", SafetensorsWriter.Tensor.of(new float[] {1}));
        assertThrows(
                IllegalArgumentException.class,
                () -> SafetensorsWriter.write(dir.resolve("x"), m, SafeDType.I32, Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> SafetensorsWriter.write(
                        dir.resolve("x"),
                        Map.of("__metadata__", SafetensorsWriter.Tensor.of(new float[] {1})),
                        SafeDType.F32,
                        Map.of()));
        assertTrue(!Files.exists(dir.resolve("x")));
    }
}
