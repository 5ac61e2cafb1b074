package org.parrotscope.clip;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;

/**
 * Writes float tensors to a safetensors file in F32, F16 or BF16, atomically. The header is compact JSON
 * padded with spaces to a multiple of 8 bytes, as the reference implementation writes it; tensors are laid
 * out in the map's iteration order.
 */
public final class SafetensorsWriter {

    /**
     * One tensor to write.
     *
     * @param shape the dimensions (empty for a scalar)
     * @param data the elements in row-major order; length = product of the dimensions
     */
    public record Tensor(long[] shape, float[] data) {
        /** Checks that the shape is non-negative and matches the data length. */
        public Tensor {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(data, "data");
            long n = TensorInfo.numel(shape);
            if (n != data.length) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(shape) + " has " + n + " elements but data has " + data.length);
            }
        }

        /**
         * A tensor with int dimensions.
         *
         * @param data the elements
         * @param shape the dimensions
         * @return the tensor
         */
        public static Tensor of(float[] data, int... shape) {
            return new Tensor(Arrays.stream(shape).asLongStream().toArray(), data);
        }

        /**
         * A matrix [rows, width] from its rows.
         *
         * @param rows the rows, each of {@code width} values
         * @param width the row length (the second dimension even when there are no rows)
         * @return the tensor
         */
        public static Tensor ofRows(List<float[]> rows, int width) {
            return new Tensor(new long[] {rows.size(), width}, ClipMath.flatten(rows, width));
        }
    }

    private SafetensorsWriter() {}

    /**
     * Writes the tensors.
     *
     * @param file the target; written through a temporary sibling and renamed, so readers never see half a file
     * @param tensors name to tensor, written in iteration order (use a {@link java.util.LinkedHashMap})
     * @param dtype F32, F16 or BF16; narrowing rounds to nearest even
     * @param metadata the {@code __metadata__} strings; empty writes none
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException for another dtype or the reserved name {@code __metadata__}
     */
    public static void write(Path file, Map<String, Tensor> tensors, SafeDType dtype, Map<String, String> metadata)
            throws IOException {
        if (dtype != SafeDType.F32 && dtype != SafeDType.F16 && dtype != SafeDType.BF16) {
            throw new IllegalArgumentException("can write F32, F16 or BF16, not " + dtype);
        }
        byte[] header = header(tensors, dtype, metadata);
        AtomicFiles.write(file, out -> {
            ByteBuffer len =
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
            out.write(len.array());
            out.write(header);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                writeData(out, buf, t.data(), dtype);
            }
        });
    }

    /** Builds the padded header bytes. */
    static byte[] header(Map<String, Tensor> tensors, SafeDType dtype, Map<String, String> metadata) {
        var root = new com.google.gson.JsonObject();
        if (!metadata.isEmpty()) {
            var meta = new com.google.gson.JsonObject();
            metadata.forEach(meta::addProperty);
            root.add("__metadata__", meta);
        }
        long offset = 0;
        for (var e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                throw new IllegalArgumentException("__metadata__ is reserved and cannot name a tensor");
            }
            var info = new com.google.gson.JsonObject();
            info.addProperty("dtype", dtype.name());
            var shape = new com.google.gson.JsonArray();
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            info.add("shape", shape);
            long end = offset + (long) e.getValue().data().length * dtype.size();
            var offsets = new com.google.gson.JsonArray();
            offsets.add(offset);
            offsets.add(end);
            info.add("data_offsets", offsets);
            root.add(e.getKey(), info);
            offset = end;
        }
        byte[] json = Json.COMPACT.toJson(root).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    private static void writeData(OutputStream out, ByteBuffer buf, float[] data, SafeDType dtype) throws IOException {
        for (float v : data) {
            if (buf.remaining() < 4) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            switch (dtype) {
                case F32 -> buf.putFloat(v);
                case F16 -> buf.putShort((short) HalfFloats.floatToHalf(v));
                case BF16 -> buf.putShort((short) HalfFloats.floatToBf16(v));
                default -> throw new IllegalStateException(dtype.toString());
            }
        }
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }
}
