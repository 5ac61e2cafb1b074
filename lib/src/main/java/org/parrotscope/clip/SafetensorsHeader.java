package org.parrotscope.clip;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed and validated JSON header of a safetensors file. Validation follows the reference
 * implementation (huggingface/safetensors {@code validate}): known dtypes, non-negative shapes whose byte
 * size matches the offsets, and tensors that tile the data section exactly, without overlap, hole or
 * trailing bytes.
 *
 * @param metadata the {@code __metadata__} string map (empty when absent)
 * @param tensors the tensor entries in header order
 */
record SafetensorsHeader(Map<String, String> metadata, List<TensorInfo> tensors) {

    /** The largest header accepted, as in the reference implementation. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    SafetensorsHeader {
        metadata = Map.copyOf(metadata);
        tensors = List.copyOf(tensors);
    }

    /**
     * Parses and validates a header.
     *
     * @param json the header bytes (UTF-8 JSON, possibly padded with spaces)
     * @param dataSize the size of the data section in bytes (file size - 8 - header length)
     * @return the header
     * @throws IOException describing the first problem found (without the file name; the caller adds it)
     */
    static SafetensorsHeader parse(byte[] json, long dataSize) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("header is not valid UTF-8");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        try (JsonReader r = new JsonReader(new StringReader(text))) {
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                throw new IOException("header is not a JSON object");
            }
            r.beginObject();
            boolean sawMetadata = false;
            while (r.hasNext()) {
                String name = r.nextName();
                if (name.equals("__metadata__")) {
                    if (sawMetadata) {
                        throw new IOException("duplicate __metadata__");
                    }
                    sawMetadata = true;
                    readMetadata(r, metadata);
                } else {
                    if (tensors.containsKey(name)) {
                        throw new IOException("duplicate tensor '" + name + "'");
                    }
                    tensors.put(name, readTensor(r, name, dataSize));
                }
            }
            r.endObject();
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("trailing content after the header object");
            }
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            throw new IOException("header is not valid JSON: " + e.getMessage());
        }
        checkTiling(new ArrayList<>(tensors.values()), dataSize);
        return new SafetensorsHeader(metadata, new ArrayList<>(tensors.values()));
    }

    private static void readMetadata(JsonReader r, Map<String, String> metadata) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw new IOException("__metadata__ is not an object");
        }
        r.beginObject();
        while (r.hasNext()) {
            String key = r.nextName();
            if (r.peek() != JsonToken.STRING) {
                throw new IOException("__metadata__ value of '" + key + "' is not a string");
            }
            metadata.put(key, r.nextString());
        }
        r.endObject();
    }

    private static TensorInfo readTensor(JsonReader r, String name, long dataSize) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw new IOException("entry '" + name + "' is not an object");
        }
        SafeDType dtype = null;
        long[] shape = null;
        long[] offsets = null;
        r.beginObject();
        while (r.hasNext()) {
            String field = r.nextName();
            switch (field) {
                case "dtype" -> {
                    String s = r.peek() == JsonToken.STRING ? r.nextString() : null;
                    if (s == null) {
                        throw new IOException("tensor '" + name + "': dtype is not a string");
                    }
                    dtype = SafeDType.parse(s)
                            .orElseThrow(() -> new IOException("tensor '" + name + "': unknown dtype '" + s
                                    + "' (known: " + Arrays.toString(SafeDType.values()) + ")"));
                }
                case "shape" -> shape = readLongs(r, name, "shape");
                case "data_offsets" -> offsets = readLongs(r, name, "data_offsets");
                default -> throw new IOException("tensor '" + name + "': unknown field '" + field + "'");
            }
        }
        r.endObject();
        if (dtype == null || shape == null || offsets == null) {
            throw new IOException("tensor '" + name + "': needs dtype, shape and data_offsets");
        }
        if (offsets.length != 2) {
            throw new IOException("tensor '" + name + "': data_offsets must have 2 entries, not " + offsets.length);
        }
        long numel;
        long bytes;
        try {
            numel = TensorInfo.numel(shape);
            bytes = Math.multiplyExact(numel, (long) dtype.size());
        } catch (ArithmeticException e) {
            throw new IOException("tensor '" + name + "': shape " + Arrays.toString(shape) + " overflows");
        }
        if (offsets[1] < offsets[0] || offsets[1] > dataSize) {
            throw new IOException("tensor '" + name + "': data_offsets " + Arrays.toString(offsets)
                    + " out of range of the " + dataSize + "-byte data section");
        }
        if (offsets[1] - offsets[0] != bytes) {
            throw new IOException("tensor '" + name + "': data_offsets " + Arrays.toString(offsets) + " span "
                    + (offsets[1] - offsets[0]) + " bytes but " + dtype + Arrays.toString(shape) + " needs " + bytes);
        }
        return new TensorInfo(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] readLongs(JsonReader r, String name, String field) throws IOException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw new IOException("tensor '" + name + "': " + field + " is not an array");
        }
        long[] out = new long[8];
        int n = 0;
        r.beginArray();
        while (r.hasNext()) {
            if (r.peek() != JsonToken.NUMBER) {
                throw new IOException("tensor '" + name + "': " + field + " holds a non-number");
            }
            String s = r.nextString();
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IOException("tensor '" + name + "': " + field + " entry " + s + " is not a 64-bit integer");
            }
            if (v < 0) {
                throw new IOException("tensor '" + name + "': " + field + " entry " + v + " is negative");
            }
            if (n == out.length) {
                if (n >= 1024) {
                    throw new IOException("tensor '" + name + "': " + field + " has more than 1024 entries");
                }
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = v;
        }
        r.endArray();
        return Arrays.copyOf(out, n);
    }

    /** The tensors must cover [0, dataSize) exactly once, as the reference implementation requires. */
    private static void checkTiling(List<TensorInfo> tensors, long dataSize) throws IOException {
        tensors.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long pos = 0;
        String prev = null;
        for (TensorInfo t : tensors) {
            if (t.begin() < pos) {
                throw new IOException("tensor '" + t.name() + "' [" + t.begin() + ", " + t.end() + ") overlaps '" + prev
                        + "' which ends at " + pos);
            }
            if (t.begin() > pos) {
                throw new IOException("hole in the data section: bytes [" + pos + ", " + t.begin()
                        + ") belong to no tensor (before '" + t.name() + "')");
            }
            pos = t.end();
            prev = t.name();
        }
        if (pos != dataSize) {
            throw new IOException("data section has " + dataSize + " bytes but the tensors cover only " + pos);
        }
    }
}
