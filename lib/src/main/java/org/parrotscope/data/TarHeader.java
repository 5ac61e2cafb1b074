package org.parrotscope.data;

import java.nio.charset.StandardCharsets;

/**
 * Builds deterministic POSIX ustar headers (IEEE Std 1003.1-1988 layout) for {@link ShardWriter}.
 * Numeric fields are zero-padded octal terminated by NUL; the result is byte-identical to what Python's
 * {@code tarfile} writes in {@code USTAR_FORMAT} for the same name, size and metadata (tested).
 */
final class TarHeader {

    /** Largest size the 11-digit octal field holds (8 GiB - 1). */
    static final long MAX_SIZE = 077777777777L;

    private TarHeader() {}

    /**
     * One header block for a regular file with mode 0644, uid/gid 0, mtime 0 and empty owner names.
     *
     * @param name the entry name, at most 100 UTF-8 bytes (checked by the caller)
     * @param size the content length in bytes
     * @return the 512-byte header
     */
    static byte[] regularFile(String name, long size) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "tar entry " + name + " has size " + size + ", ustar allows 0.." + MAX_SIZE);
        }
        byte[] h = new byte[ShardWriter.BLOCK];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, n.length); // name[100]; a 100-byte name is legally not NUL-terminated
        octal(h, 100, 8, 0644); // mode
        octal(h, 108, 8, 0); // uid
        octal(h, 116, 8, 0); // gid
        octal(h, 124, 12, size); // size
        octal(h, 136, 12, 0); // mtime: the epoch, so identical content gives identical bytes
        h[156] = '0'; // typeflag: regular file
        // linkname[100] at 157 stays empty
        ascii(h, 257, "ustar\0"); // magic
        ascii(h, 263, "00"); // version
        // uname[32] at 265 and gname[32] at 297 stay empty: no owner name is claimed
        // devmajor/devminor at 329/337 stay empty for a regular file, as Python's tarfile (which img2dataset
        // writes through) leaves them; GNU tar writes zeros there, and both read either form
        // prefix[155] at 345 stays empty
        // checksum: sum of all header bytes with the checksum field taken as eight spaces
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String chk = String.format("%06o", sum);
        ascii(h, 148, chk);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    /** Writes {@code value} as width-1 zero-padded octal digits followed by NUL. */
    private static void octal(byte[] h, int offset, int width, long value) {
        String s = Long.toOctalString(value);
        String padded = "0".repeat(width - 1 - s.length()) + s;
        ascii(h, offset, padded);
        h[offset + width - 1] = 0;
    }

    private static void ascii(byte[] h, int offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }
}
