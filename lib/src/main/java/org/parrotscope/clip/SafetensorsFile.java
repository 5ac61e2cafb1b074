package org.parrotscope.clip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file opened for reading: the header is parsed and validated against the file size before
 * anything else is allocated, and tensor data is read through memory maps of just the requested tensor, so
 * opening a multi-gigabyte checkpoint costs only its header. Our own reader because DJL's safetensors
 * decoder crashes the JVM on BF16 (docs/STACK.md, DJL).
 *
 * <p>Format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON mapping tensor names to
 * {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to the data section) plus an
 * optional {@code "__metadata__"} string map, then the data section, little-endian and row-major.
 *
 * <p>Reads are safe from several threads. The file must not be truncated while open: memory-mapped access
 * to vanished bytes is a JVM error, as with any mapped file.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Largest mapped window; a tensor larger than this is read in several windows. */
    private static final long WINDOW = 1L << 30;

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, String> metadata;
    private final Map<String, TensorInfo> tensors;

    private SafetensorsFile(Path file, FileChannel channel, long dataStart, SafetensorsHeader header) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.metadata = header.metadata();
        Map<String, TensorInfo> byName = new LinkedHashMap<>();
        header.tensors().forEach(t -> byName.put(t.name(), t));
        this.tensors = byName;
    }

    /**
     * Opens and validates a file.
     *
     * @param file the path
     * @return the open file; close it to release the channel
     * @throws IOException naming the file and the problem when it cannot be read or is not a valid safetensors file
     */
    public static SafetensorsFile open(Path file) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new IOException(file + ": cannot open (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            long size = ch.size();
            if (size < 8) {
                throw new IOException(size + " bytes, too short for the 8-byte header length");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long n = len.getLong(0);
            if (n < 0 || n > size - 8) {
                throw new IOException("header length " + Long.toUnsignedString(n) + " exceeds the file size " + size);
            }
            if (n > SafetensorsHeader.MAX_HEADER_BYTES) {
                throw new IOException("header length " + n + " exceeds the 100 MB limit");
            }
            ByteBuffer json = ByteBuffer.allocate((int) n);
            readFully(ch, json, 8);
            SafetensorsHeader header = SafetensorsHeader.parse(json.array(), size - 8 - n);
            return new SafetensorsFile(file, ch, 8 + n, header);
        } catch (IOException e) {
            ch.close();
            throw new IOException(file + ": not a valid safetensors file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos + buf.position());
            if (r < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    /** @return the file this reads */
    public Path file() {
        return file;
    }

    /** @return the {@code __metadata__} strings (empty when absent), unmodifiable */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** @return the tensor names in header order */
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    /**
     * @param name a tensor name
     * @return true when the file holds it
     */
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /**
     * The header entry of a tensor.
     *
     * @param name the tensor name
     * @return its entry
     * @throws IllegalArgumentException naming the file and the tensor when absent
     */
    public TensorInfo info(String name) {
        TensorInfo t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException(
                    file + ": no tensor '" + name + "' (the file has " + tensors.size() + " tensors"
                            + (tensors.isEmpty()
                                    ? ""
                                    : ", e.g. '" + tensors.keySet().iterator().next() + "'") + ")");
        }
        return t;
    }

    /**
     * Reads a floating-point tensor as float32 (F64 is rounded, F16 and BF16 widened exactly).
     *
     * @param name the tensor name
     * @return the elements in row-major order
     * @throws IOException naming the file and tensor when it is not floating-point, has 2^31 or more elements, or
     *     cannot be read
     */
    public float[] floats(String name) throws IOException {
        TensorInfo t = info(name);
        if (!t.dtype().isFloating()) {
            throw new IOException(
                    file + ": tensor '" + name + "' is " + t.dtype() + ", not floating-point; use longs()");
        }
        float[] out = new float[checkedLength(t)];
        int at = 0;
        for (ByteBuffer b : windows(t)) {
            int n = b.remaining() / t.dtype().size();
            switch (t.dtype()) {
                case F32 -> b.asFloatBuffer().get(out, at, n);
                case F64 -> {
                    var d = b.asDoubleBuffer();
                    for (int i = 0; i < n; i++) {
                        out[at + i] = (float) d.get(i);
                    }
                }
                case F16 -> {
                    var s = b.asShortBuffer();
                    for (int i = 0; i < n; i++) {
                        out[at + i] = HalfFloats.halfToFloat(s.get(i));
                    }
                }
                case BF16 -> {
                    var s = b.asShortBuffer();
                    for (int i = 0; i < n; i++) {
                        out[at + i] = HalfFloats.bf16ToFloat(s.get(i));
                    }
                }
                default -> throw new IllegalStateException(t.dtype().toString());
            }
            at += n;
        }
        return out;
    }

    /**
     * Reads an integer or boolean tensor as longs (U8 and BOOL are unsigned).
     *
     * @param name the tensor name
     * @return the elements in row-major order
     * @throws IOException naming the file and tensor when it is floating-point, too large, or cannot be read
     */
    public long[] longs(String name) throws IOException {
        TensorInfo t = info(name);
        if (t.dtype().isFloating()) {
            throw new IOException(
                    file + ": tensor '" + name + "' is " + t.dtype() + ", not an integer type; use floats()");
        }
        long[] out = new long[checkedLength(t)];
        int at = 0;
        for (ByteBuffer b : windows(t)) {
            int n = b.remaining() / t.dtype().size();
            switch (t.dtype()) {
                case I64 -> b.asLongBuffer().get(out, at, n);
                case I32 -> {
                    var v = b.asIntBuffer();
                    for (int i = 0; i < n; i++) {
                        out[at + i] = v.get(i);
                    }
                }
                case I16 -> {
                    var v = b.asShortBuffer();
                    for (int i = 0; i < n; i++) {
                        out[at + i] = v.get(i);
                    }
                }
                case I8 -> {
                    for (int i = 0; i < n; i++) {
                        out[at + i] = b.get(b.position() + i);
                    }
                }
                case U8, BOOL -> {
                    for (int i = 0; i < n; i++) {
                        out[at + i] = b.get(b.position() + i) & 0xff;
                    }
                }
                default -> throw new IllegalStateException(t.dtype().toString());
            }
            at += n;
        }
        return out;
    }

    /**
     * The raw little-endian bytes of a tensor, memory-mapped and read-only, e.g. to hand to an engine without a
     * float[] copy.
     *
     * @param name the tensor name
     * @return a buffer positioned at the tensor's first byte, limited to its last
     * @throws IOException naming the file and tensor when it is 2 GiB or larger, or cannot be mapped
     */
    public ByteBuffer bytes(String name) throws IOException {
        TensorInfo t = info(name);
        if (t.byteSize() > Integer.MAX_VALUE) {
            throw new IOException(
                    file + ": tensor '" + name + "' has " + t.byteSize() + " bytes, more than one buffer holds");
        }
        return channel.map(FileChannel.MapMode.READ_ONLY, dataStart + t.begin(), t.byteSize())
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    private int checkedLength(TensorInfo t) throws IOException {
        long n = t.numel();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IOException(file + ": tensor '" + t.name() + "' has " + n
                    + " elements, more than one Java array holds (2^31 - 9)");
        }
        return (int) n;
    }

    /** Maps the tensor in windows of at most 1 GiB, each a whole number of elements. */
    private List<ByteBuffer> windows(TensorInfo t) throws IOException {
        List<ByteBuffer> out = new ArrayList<>();
        long window = WINDOW - WINDOW % t.dtype().size();
        for (long pos = t.begin(); pos < t.end(); pos += window) {
            long len = Math.min(window, t.end() - pos);
            out.add(channel.map(FileChannel.MapMode.READ_ONLY, dataStart + pos, len)
                    .order(ByteOrder.LITTLE_ENDIAN));
        }
        return out;
    }

    /** Closes the channel; buffers already returned stay readable. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
