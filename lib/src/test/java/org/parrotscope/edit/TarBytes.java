package org.parrotscope.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Damages one member of a ustar archive in place, keeping the archive's structure valid. */
final class TarBytes {

    private TarBytes() {}

    /**
     * Overwrites a member's content with zeros from an offset on (the header chain stays intact, so the reader still
     * sees the sample but its image no longer decodes).
     *
     * @param tar the archive
     * @param name the member's name (its path inside the archive, or its last component)
     * @param from the first content byte to zero (2 keeps a JPEG's start-of-image marker: a corrupt JPEG, not an
     *     unknown format)
     * @throws IOException when the member is not found
     */
    static void zeroEntry(Path tar, String name, int from) throws IOException {
        byte[] b = Files.readAllBytes(tar);
        int pos = 0;
        while (pos + 512 <= b.length && b[pos] != 0) {
            String member = field(b, pos, 100);
            String prefix = field(b, pos + 345, 155);
            String full = prefix.isEmpty() ? member : prefix + "/" + member;
            long size = Long.parseLong(field(b, pos + 124, 12).trim(), 8);
            if (full.equals(name) || full.endsWith("/" + name)) {
                for (int i = from; i < size; i++) {
                    b[pos + 512 + i] = 0;
                }
                Files.write(tar, b);
                return;
            }
            pos += 512 + (int) ((size + 511) / 512 * 512);
        }
        throw new IOException(tar + ": no member " + name);
    }

    private static String field(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }
}
