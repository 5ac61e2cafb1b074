package org.parrotscope.clip;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns a decoded {@link BufferedImage} into the Pillow mode that OpenCLIP's eval transform would see, and
 * resizes it the way Pillow's {@code Image.resize(size, BICUBIC)} does for that mode. OpenCLIP resizes and
 * crops before converting to RGB, so the mode matters: palette images are resized nearest-neighbour (Pillow
 * ignores the filter for mode P), images with alpha are resized premultiplied ("RGBa"/"La") and then
 * un-premultiplied, everything else bicubic.
 */
final class PilImages {

    /** The Pillow mode of a decoded image. */
    enum Mode {
        L,
        LA,
        RGB,
        RGBA,
        P
    }

    private PilImages() {}

    /** @return the Pillow mode Pillow would open this image in (as far as the decoded form tells) */
    static Mode mode(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        if (cm instanceof IndexColorModel) {
            return Mode.P;
        }
        boolean gray = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        if (gray) {
            return cm.hasAlpha() ? Mode.LA : Mode.L;
        }
        return cm.hasAlpha() ? Mode.RGBA : Mode.RGB;
    }

    /**
     * The image's samples in its Pillow mode: 1 band (L), 2 (LA), 3 (RGB, and P expanded through its palette, which
     * equals Pillow's P-to-RGB conversion after a nearest resize) or 4 (RGBA, not premultiplied). Samples of sRGB and
     * gray images are read raw, as Pillow does (no colour management; 16-bit samples keep their high byte, as Pillow's
     * 16-bit PNG RGB decoding does): {@code getRGB} would push gray through a linear-to-sRGB curve Pillow never
     * applies.
     */
    static Pixels pixels(BufferedImage img, Mode mode) {
        int w = img.getWidth();
        int h = img.getHeight();
        int bands = switch (mode) {
            case L -> 1;
            case LA -> 2;
            case RGB, P -> 3;
            case RGBA -> 4;
        };
        ColorModel cm = img.getColorModel();
        Raster r = img.getRaster();
        boolean raw = mode != Mode.P
                && !cm.isAlphaPremultiplied()
                && r.getNumBands() == bands
                && (cm.getColorSpace().isCS_sRGB() || cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY);
        byte[] out = new byte[w * h * bands];
        if (raw) {
            int[] shift = new int[bands];
            for (int b = 0; b < bands; b++) {
                shift[b] = Math.max(0, r.getSampleModel().getSampleSize(b) - 8);
            }
            int[] row = new int[w * bands];
            for (int y = 0; y < h; y++) {
                r.getPixels(0, y, w, 1, row);
                for (int i = 0; i < row.length; i++) {
                    out[y * w * bands + i] = (byte) (row[i] >> shift[i % bands]);
                }
            }
            return new Pixels(w, h, bands, out);
        }
        // palette, premultiplied or colour-managed images: Java's conversion to non-premultiplied sRGB
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int[] v = {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff, p >>> 24};
            if (bands <= 2) {
                out[i * bands] = (byte) v[1]; // a gray image's bands are equal; green is the exact one
                if (bands == 2) {
                    out[i * bands + 1] = (byte) v[3];
                }
            } else {
                for (int b = 0; b < bands; b++) {
                    out[i * bands + b] = (byte) v[b];
                }
            }
        }
        return new Pixels(w, h, bands, out);
    }

    /** Resizes as Pillow's {@code Image.resize(size, BICUBIC)} does for the mode. */
    static Pixels resize(Pixels img, Mode mode, int outW, int outH) {
        if (outW == img.width() && outH == img.height()) {
            return img; // Pillow returns a copy before any premultiplication
        }
        return switch (mode) {
            case P -> PilResample.nearest(img, outW, outH);
            case L, RGB -> PilResample.bicubic(img, outW, outH);
            case LA, RGBA -> unpremultiply(PilResample.bicubic(premultiply(img), outW, outH));
        };
    }

    /** Pillow's RGBA to RGBa (and LA to La): colour times alpha / 255, rounded with its MULDIV255. */
    static Pixels premultiply(Pixels img) {
        byte[] d = img.data().clone();
        int n = img.bands();
        for (int i = 0; i < d.length; i += n) {
            int a = d[i + n - 1] & 0xff;
            for (int b = 0; b < n - 1; b++) {
                int t = (d[i + b] & 0xff) * a + 128;
                d[i + b] = (byte) (((t >> 8) + t) >> 8);
            }
        }
        return new Pixels(img.width(), img.height(), n, d);
    }

    /** Pillow's RGBa to RGBA: colour * 255 / alpha in integers, clamped; alpha 0 and 255 leave colour unchanged. */
    static Pixels unpremultiply(Pixels img) {
        byte[] d = img.data().clone();
        int n = img.bands();
        for (int i = 0; i < d.length; i += n) {
            int a = d[i + n - 1] & 0xff;
            if (a == 0 || a == 255) {
                continue;
            }
            for (int b = 0; b < n - 1; b++) {
                d[i + b] = (byte) Math.min(255, 255 * (d[i + b] & 0xff) / a);
            }
        }
        return new Pixels(img.width(), img.height(), n, d);
    }
}
