package org.parrotscope.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Converts any decoded image to {@link BufferedImage#TYPE_INT_RGB}, the one pixel type later stages see:
 * transparency is composited on white (as a browser shows a transparent PNG on a white page), 16-bit
 * samples are scaled to 8 bits with rounding, and grey is replicated to R = G = B. Grey values are taken
 * as stored (gamma-encoded, as in PNG and JPEG), not through Java's linear-grey colour space, which would
 * brighten them.
 */
final class RgbImages {

    private RgbImages() {}

    static BufferedImage toIntRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        if (src.getType() == BufferedImage.TYPE_3BYTE_BGR && isPlain(src.getRaster())) {
            byte[] bgr = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 0; i < dst.length; i++, j += 3) {
                dst[i] = (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8 | (bgr[j] & 0xff);
            }
        } else if (isRawComponent(src.getColorModel(), src.getRaster())) {
            fromComponents(src, dst);
        } else {
            fromArgb(src, dst);
        }
        return out;
    }

    private static boolean isPlain(Raster r) {
        return r.getParent() == null
                && r.getMinX() == 0
                && r.getMinY() == 0
                && r.getSampleModelTranslateX() == 0
                && r.getSampleModelTranslateY() == 0
                && r.getDataBuffer().getNumBanks() == 1
                && r.getDataBuffer().getOffset() == 0;
    }

    /** Integer samples in sRGB or grey, not premultiplied: converted by scaling each sample. */
    private static boolean isRawComponent(ColorModel cm, Raster r) {
        if (!(cm instanceof ComponentColorModel) || cm.isAlphaPremultiplied()) {
            return false;
        }
        int type = r.getDataBuffer().getDataType();
        if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT) {
            return false;
        }
        ColorSpace cs = cm.getColorSpace();
        return cs.isCS_sRGB() || cs.getType() == ColorSpace.TYPE_GRAY;
    }

    private static void fromComponents(BufferedImage src, int[] dst) {
        ColorModel cm = src.getColorModel();
        Raster r = src.getRaster();
        int w = src.getWidth();
        int bands = r.getNumBands();
        boolean gray = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        boolean alpha = cm.hasAlpha();
        int[] max = new int[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (1 << cm.getComponentSize(b)) - 1;
        }
        int[] row = new int[w * bands];
        for (int y = 0; y < src.getHeight(); y++) {
            r.getPixels(r.getMinX(), r.getMinY() + y, w, 1, row);
            for (int x = 0, i = 0; x < w; x++, i += bands) {
                int red = scale(row[i], max[0]);
                int green = gray ? red : scale(row[i + 1], max[1]);
                int blue = gray ? red : scale(row[i + 2], max[2]);
                int a = alpha ? scale(row[i + bands - 1], max[bands - 1]) : 255;
                dst[y * w + x] = composite(red, green, blue, a);
            }
        }
    }

    private static void fromArgb(BufferedImage src, int[] dst) {
        int w = src.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < src.getHeight(); y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                dst[y * w + x] = composite(p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff, p >>> 24);
            }
        }
    }

    private static int scale(int v, int max) {
        return max == 255 ? v : (int) (((long) v * 255 + max / 2) / max);
    }

    /** Alpha-composites a non-premultiplied colour over white. */
    private static int composite(int r, int g, int b, int a) {
        if (a != 255) {
            r = over(r, a);
            g = over(g, a);
            b = over(b, a);
        }
        return r << 16 | g << 8 | b;
    }

    private static int over(int c, int a) {
        return (c * a + 255 * (255 - a) + 127) / 255;
    }
}
