package org.parrotscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A streaming reader of tar archives in the formats GNU tar, Python's tarfile and img2dataset write:
 * POSIX ustar (with the name prefix), GNU long names ({@code L} entries) and pax extended headers
 * ({@code path} and {@code size}). Only regular files are returned; directories, links and other entry
 * types are passed over. It tracks the byte offset of every header, so damage is reported precisely:
 * a header whose checksum does not match is {@code corrupt_tar}, an archive that ends inside a header
 * or an entry's data is {@code truncated_tar}. Reading stops at the first damage.
 */
final class TarReader {

    static final int BLOCK = 512;

    /** A regular file entry. */
    record Entry(String name, long size, long headerOffset) {}

    /** Damage that ends reading the archive. */
    static final class DamageException extends IOException {
        private static final long serialVersionUID = 1L;
        final String reason;
        final long offset;

        DamageException(String reason, long offset, String message) {
            super(message);
            this.reason = reason;
            this.offset = offset;
        }
    }

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private long pos;
    private long unreadData;
    private long padding;
    private Entry current;

    TarReader(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next regular file, passing over the rest of the current one.
     *
     * @return the entry, or null at the end of the archive
     * @throws DamageException when the archive is corrupt or truncated
     * @throws IOException when reading fails
     */
    Entry next() throws IOException {
        skipRest();
        String longName = null;
        String paxPath = null;
        long paxSize = -1;
        while (true) {
            long at = pos;
            int n = readBlock(header);
            if (n == 0) {
                return null; // archive ends at a block boundary without the end-of-archive blocks: accepted like GNU
                // tar
            }
            if (n < BLOCK) {
                throw new DamageException(
                        "truncated_tar",
                        at,
                        "archive ends inside the header at byte " + at + " (" + n + " of 512 bytes)");
            }
            if (isZero(header)) {
                return null;
            }
            checkChecksum(at);
            long size = parseNumber(header, 124, 12, at, "size");
            byte type = header[156];
            if (type == 'L' || type == 'x') {
                if (size > (1 << 20)) {
                    throw new DamageException(
                            "corrupt_tar",
                            at,
                            "bad header at byte " + at + ": " + size + "-byte "
                                    + (type == 'L' ? "long name" : "pax header"));
                }
                byte[] data = readData(size, at, type == 'L' ? "GNU long name" : "pax header");
                if (type == 'L') {
                    longName = cString(data, 0, data.length);
                } else {
                    for (String[] kv : PaxRecords.parse(data, at)) {
                        if (kv[0].equals("path")) {
                            paxPath = kv[1];
                        } else if (kv[0].equals("size")) {
                            paxSize = parsePaxSize(kv[1], at);
                        }
                    }
                }
                continue;
            }
            if (paxSize >= 0) {
                size = paxSize;
            }
            unreadData = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            if (type == '0' || type == 0 || type == '7') {
                String name = paxPath != null ? paxPath : longName != null ? longName : ustarName();
                current = new Entry(name, size, at);
                return current;
            }
            current = null;
            skipRest(); // directory, link, device, global pax header, sparse file: not a sample part
            longName = null;
            paxPath = null;
            paxSize = -1;
        }
    }

    /**
     * Reads the current entry's data.
     *
     * @return the bytes
     * @throws DamageException when the archive ends inside the data
     */
    byte[] readData() throws IOException {
        if (current == null || unreadData != current.size()) {
            throw new IllegalStateException("no unread entry");
        }
        return readData(current.size(), current.headerOffset(), current.name());
    }

    /** @return the byte offset of the next unread byte */
    long position() {
        return pos;
    }

    private byte[] readData(long size, long headerAt, String what) throws IOException {
        byte[] data = new byte[Math.toIntExact(size)];
        int n = in.readNBytes(data, 0, data.length);
        pos += n;
        if (n < data.length) {
            throw new DamageException(
                    "truncated_tar",
                    headerAt,
                    "archive ends inside " + what + " (header at byte " + headerAt + "): " + n + " of " + size
                            + " bytes, at byte " + pos);
        }
        unreadData = 0;
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        padding = 0;
        skipExactly(pad, headerAt, what);
        return data;
    }

    private void skipRest() throws IOException {
        if (unreadData > 0 || padding > 0) {
            long total = unreadData + padding;
            unreadData = 0;
            padding = 0;
            skipExactly(
                    total,
                    current == null ? pos : current.headerOffset(),
                    current == null ? "an entry" : current.name());
        }
    }

    private void skipExactly(long count, long headerAt, String what) throws IOException {
        long left = count;
        while (left > 0) {
            long k = in.skip(left);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new DamageException(
                            "truncated_tar",
                            headerAt,
                            "archive ends inside " + what + " (header at byte " + headerAt + ") at byte " + pos);
                }
                k = 1;
            }
            left -= k;
            pos += k;
        }
    }

    private int readBlock(byte[] buf) throws IOException {
        int n = in.readNBytes(buf, 0, BLOCK);
        pos += n;
        return n;
    }

    private void checkChecksum(long at) throws DamageException {
        long stored;
        try {
            stored = parseNumber(header, 148, 8, at, "checksum");
        } catch (DamageException e) {
            throw new DamageException("corrupt_tar", at, "bad header at byte " + at + ": unreadable checksum field");
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        // Old tars summed signed bytes; GNU tar accepts either (POSIX requires unsigned).
        if (stored != unsigned && stored != signed) {
            throw new DamageException(
                    "corrupt_tar",
                    at,
                    "bad header at byte " + at + ": checksum " + stored + " does not match " + unsigned);
        }
    }

    private String ustarName() {
        String name = cString(header, 0, 100);
        boolean posix =
                header[257] == 'u' && header[262] == 0; // "ustar\0"; GNU's "ustar  " uses the prefix field for times
        String prefix = posix ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** Parses an octal field (space or NUL terminated) or a GNU base-256 number (high bit set). */
    static long parseNumber(byte[] b, int off, int len, long at, String field) throws DamageException {
        if ((b[off] & 0x80) != 0) {
            long v = b[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                if (v > (Long.MAX_VALUE >> 8)) {
                    throw new DamageException(
                            "corrupt_tar", at, "bad header at byte " + at + ": " + field + " too large");
                }
                v = (v << 8) | (b[off + i] & 0xff);
            }
            return v;
        }
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && (b[i] == ' ' || b[i] == 0)) {
            i++;
        }
        boolean digits = false;
        for (; i < end && b[i] != ' ' && b[i] != 0; i++) {
            if (b[i] < '0' || b[i] > '7') {
                throw new DamageException(
                        "corrupt_tar", at, "bad header at byte " + at + ": " + field + " field is not octal");
            }
            v = v * 8 + (b[i] - '0');
            digits = true;
        }
        if (!digits && field.equals("checksum")) {
            throw new DamageException("corrupt_tar", at, "bad header at byte " + at + ": empty " + field);
        }
        return v;
    }

    private static long parsePaxSize(String s, long at) throws DamageException {
        try {
            long v = Long.parseLong(s.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DamageException("corrupt_tar", at, "bad pax header at byte " + at + ": size " + s);
        }
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
