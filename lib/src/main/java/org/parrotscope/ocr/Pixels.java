package org.parrotscope.ocr;

import java.awt.image.BufferedImage;

/**
 * Converts any {@link BufferedImage} (grey, indexed, 16-bit, RGB, with alpha) into the packed 8-bit
 * layouts the engines read. Translucent pixels are composited over white, because transparent PNG
 * backgrounds usually hold black RGB and would otherwise hide dark text.
 */
final class Pixels {

    private Pixels() {}

    /**
     * @param img the image
     * @return interleaved B, G, R bytes, row-major ({@code 3 * w * h}): the order OpenCV (and so PaddleOCR) uses
     */
    static byte[] bgr(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[3 * w * h];
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if (a != 255) {
                    r = overWhite(r, a);
                    g = overWhite(g, a);
                    b = overWhite(b, a);
                }
                out[o++] = (byte) b;
                out[o++] = (byte) g;
                out[o++] = (byte) r;
            }
        }
        return out;
    }

    /**
     * @param img the image
     * @return 8-bit luma (ITU-R BT.601 weights, as Tesseract/Leptonica convert colour), row-major {@code w * h}
     */
    static byte[] grey(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h];
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int luma = (299 * r + 587 * g + 114 * b + 500) / 1000;
                out[o++] = (byte) (a == 255 ? luma : overWhite(luma, a));
            }
        }
        return out;
    }

    private static int overWhite(int c, int alpha) {
        return (c * alpha + 255 * (255 - alpha) + 127) / 255;
    }
}
