package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt and hostile files: each is a clear IOException naming the file and the problem, never a crash. */
class SafetensorsMalformedTest {

    @TempDir
    Path dir;

    static void writeRaw(Path p, byte[] header, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header).put(data);
        Files.write(p, b.array());
    }

    /** Writes a file with the given header and data size, opens it and returns the error message. */
    private String failure(String header, int dataBytes) throws IOException {
        Path p = dir.resolve("bad.safetensors");
        writeRaw(p, header.getBytes(StandardCharsets.UTF_8), new byte[dataBytes]);
        return failure(p);
    }

    private static String failure(Path p) {
        IOException e =
                assertThrows(IOException.class, () -> SafetensorsFile.open(p).close());
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing in: " + message);
        }
    }

    private static String t(String name, String dtype, String shape, long b, long e) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + b + "," + e
                + "]}";
    }

    @Test
    void emptyHeader_isAValidFileWithoutTensors() throws IOException {
        Path p = dir.resolve("empty.safetensors");
        writeRaw(p, "{}      ".getBytes(StandardCharsets.UTF_8), new byte[0]);
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), f.names());
        }
    }

    @Test
    void missingFile_errorNamesIt() {
        Path p = dir.resolve("absent.safetensors");
        IOException e = assertThrows(IOException.class, () -> SafetensorsFile.open(p));
        assertMentions(e.getMessage(), p.toString(), "cannot open");
    }

    @Test
    void tooShortFile_isAnError() throws IOException {
        Path p = dir.resolve("short.safetensors");
        Files.write(p, new byte[] {1, 2, 3});
        assertMentions(failure(p), "too short");
    }

    @Test
    void headerLengthBeyondFileSize_isAnError() throws IOException {
        Path p = dir.resolve("len.safetensors");
        ByteBuffer b = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(1L << 40)
                .putLong(0);
        Files.write(p, b.array());
        assertMentions(failure(p), "header length", "exceeds the file size");
        b.putLong(0, -5L); // 2^64 - 5 unsigned
        Files.write(p, b.array());
        assertMentions(failure(p), "exceeds the file size");
    }

    @Test
    void headerLongerThan100MB_isRejectedBeforeReadingIt() throws IOException {
        Path p = dir.resolve("huge.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(150_000_000L); // sparse
            f.write(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(0, 120_000_000L)
                    .array());
        }
        assertMentions(failure(p), "100 MB");
    }

    @Test
    void nonJsonHeader_isAnError() throws IOException {
        assertMentions(failure("not json at all!", 0), "not valid JSON");
        assertMentions(failure("[1,2,3]", 0), "not a JSON object");
        assertMentions(failure("{\"a\":{\"dtype\":\"F32\"", 0), "not valid JSON");
        assertMentions(failure("{} {}", 0), "not valid JSON");
        assertMentions(failure("{}\u0000\u0000\u0000", 0), "not valid JSON");
        Path p = dir.resolve("utf.safetensors");
        writeRaw(p, new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}', ' '}, new byte[0]);
        assertMentions(failure(p), "UTF-8");
    }

    @Test
    void unknownDtype_isAnErrorListingKnownOnes() throws IOException {
        assertMentions(
                failure("{" + t("w", "F8_E4M3", "[2]", 0, 2) + "}", 2), "'w'", "unknown dtype 'F8_E4M3'", "BF16");
    }

    @Test
    void negativeOrNonIntegerShape_isAnError() throws IOException {
        assertMentions(failure("{" + t("w", "F32", "[-1,4]", 0, 16) + "}", 16), "'w'", "negative");
        assertMentions(failure("{" + t("w", "F32", "[2.5]", 0, 10) + "}", 10), "'w'", "not a 64-bit integer");
        assertMentions(failure("{" + t("w", "F32", "[\"4\"]", 0, 16) + "}", 16), "'w'", "non-number");
    }

    @Test
    void overflowingShape_isAnError() throws IOException {
        assertMentions(failure("{" + t("w", "F32", "[4294967296,4294967296]", 0, 16) + "}", 16), "'w'", "overflows");
        assertMentions(failure("{" + t("w", "F32", "[9223372036854775807,2]", 0, 16) + "}", 16), "overflows");
    }

    @Test
    void trillionElementShape_failsFastWithoutAllocating() throws IOException {
        // 1e12 elements would need 4 TB: the offsets cannot fit the 16-byte data section
        assertMentions(
                failure("{" + t("w", "F32", "[1000000,1000000]", 0, 4_000_000_000_000L) + "}", 16),
                "'w'",
                "out of range");
        assertMentions(
                failure("{" + t("w", "F32", "[1000000,1000000]", 0, 16) + "}", 16), "'w'", "needs 4000000000000");
    }

    @Test
    void offsetsNotMatchingShape_isAnError() throws IOException {
        assertMentions(failure("{" + t("w", "F32", "[3]", 0, 8) + "}", 8), "'w'", "span 8 bytes", "needs 12");
        assertMentions(failure("{" + t("w", "BF16", "[3]", 4, 2) + "}", 8), "'w'", "out of range");
    }

    @Test
    void overlappingTensors_isAnError() throws IOException {
        assertMentions(
                failure("{" + t("a", "F32", "[2]", 0, 8) + "," + t("b", "F32", "[2]", 4, 12) + "}", 12), "overlaps");
    }

    @Test
    void outOfRangeOffsets_isAnError() throws IOException {
        assertMentions(
                failure("{" + t("a", "F32", "[2]", 8, 16) + "}", 12),
                "'a'",
                "out of range of the 12-byte data section");
    }

    @Test
    void holeOrTrailingBytes_isAnError() throws IOException {
        assertMentions(
                failure("{" + t("a", "F32", "[1]", 0, 4) + "," + t("b", "F32", "[1]", 8, 12) + "}", 12),
                "hole",
                "[4, 8)");
        assertMentions(failure("{" + t("a", "F32", "[1]", 0, 4) + "}", 12), "cover only 4");
    }

    @Test
    void duplicateNamesAndBadFields_areErrors() throws IOException {
        assertMentions(
                failure("{" + t("a", "F32", "[1]", 0, 4) + "," + t("a", "F32", "[1]", 4, 8) + "}", 8), "duplicate");
        assertMentions(failure("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4), "needs dtype, shape and data_offsets");
        assertMentions(failure("{\"__metadata__\":{\"k\":3}}", 0), "not a string");
    }

    @Test
    void tensorBeyond2e31Elements_refusedWithExplanation() throws IOException {
        Path p = dir.resolve("big.safetensors");
        long n = 1L << 31;
        byte[] header = ("{" + t("big", "U8", "[" + n + "]", 0, n) + "}").getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(8 + header.length + n); // sparse: no 2 GB written
            f.write(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(0, header.length)
                    .array());
            f.write(header);
        }
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            IOException e = assertThrows(IOException.class, () -> f.longs("big"));
            assertMentions(e.getMessage(), p.toString(), "'big'", "2147483648 elements", "one Java array");
        }
    }
}
