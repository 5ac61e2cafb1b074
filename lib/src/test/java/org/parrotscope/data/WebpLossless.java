package org.parrotscope.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal lossless WebP (VP8L) writer for tests, written from the format specification (RFC 9649):
 * no transforms, no colour cache, and every prefix code a "simple code" of one or two 8-bit symbols.
 * So each channel takes at most two values: {@code values[c][0]} (code 0) and {@code values[c][1]}
 * (code 1), channels in ARGB order {@code a, r, g, b}. The expected decoded pixels follow directly.
 */
final class WebpLossless {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long acc;
    private int nbits;

    private WebpLossless() {}

    /**
     * @param w width
     * @param h height
     * @param values per channel (alpha, red, green, blue) one or two values, ascending
     * @param pick {@code pick[y][x][c]} = index 0 or 1 into {@code values[c]}
     * @return the WebP file
     */
    static byte[] encode(int w, int h, int[][] values, int[][][] pick) {
        WebpLossless e = new WebpLossless();
        boolean alpha = values[0].length > 1 || values[0][0] != 255;
        e.bits(0x2f, 8);
        e.bits(w - 1, 14);
        e.bits(h - 1, 14);
        e.bits(alpha ? 1 : 0, 1);
        e.bits(0, 3); // version
        e.bits(0, 1); // no transform
        e.bits(0, 1); // no colour cache
        e.bits(0, 1); // no meta prefix codes
        int[] order = {2, 1, 3, 0}; // codes come as green, red, blue, alpha, distance
        for (int c : order) {
            e.simpleCode(values[c]);
        }
        e.simpleCode(new int[] {0}); // distance: unused
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c : order) {
                    if (values[c].length == 2) {
                        e.bits(pick[y][x][c], 1);
                    }
                }
            }
        }
        byte[] vp8l = e.finish();
        ByteArrayOutputStream riff = new ByteArrayOutputStream();
        int pad = vp8l.length % 2;
        riff.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        le32(riff, 4 + 8 + vp8l.length + pad);
        riff.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        le32(riff, vp8l.length);
        riff.writeBytes(vp8l);
        if (pad == 1) {
            riff.write(0);
        }
        return riff.toByteArray();
    }

    private void simpleCode(int[] symbols) {
        bits(1, 1); // simple code
        bits(symbols.length - 1, 1);
        bits(1, 1); // first symbol has 8 bits
        bits(symbols[0], 8);
        if (symbols.length == 2) {
            bits(symbols[1], 8);
        }
    }

    /** Appends {@code n} bits of {@code v}, least significant first. */
    private void bits(int v, int n) {
        acc |= ((long) v & ((1L << n) - 1)) << nbits;
        nbits += n;
        while (nbits >= 8) {
            out.write((int) (acc & 0xff));
            acc >>>= 8;
            nbits -= 8;
        }
    }

    private byte[] finish() {
        if (nbits > 0) {
            out.write((int) (acc & 0xff));
        }
        return out.toByteArray();
    }

    private static void le32(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >>> 8);
        o.write(v >>> 16);
        o.write(v >>> 24);
    }
}
