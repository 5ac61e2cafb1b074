package org.parrotscope.clip;

/**
 * Pillow's 8-bit resampling, reimplemented so our preprocessing reproduces OpenCLIP's pixel values (the
 * fixtures allow one uint8 level; bilinear instead of Pillow's bicubic moves CLIP's cosine by 2e-3 to 4e-3).
 * Bicubic follows {@code libImaging/Resample.c}: Keys' cubic with a = -0.5, support 2 widened by the scale
 * factor when downscaling (antialiasing), coefficients normalised to sum 1 and quantised to 22 fractional
 * bits, a horizontal pass then a vertical pass, each rounded and clamped to uint8. Nearest follows Pillow's
 * affine scaling, which {@code Image.resize} uses for palette images whatever filter was asked for.
 */
final class PilResample {

    /** Fixed-point bits of the quantised coefficients: 32 - 8 (pixel) - 2 (overshoot headroom). */
    private static final int PRECISION_BITS = 22;

    private PilResample() {}

    /** Keys' cubic convolution kernel, a = -0.5, as Pillow's {@code bicubic_filter}. */
    static double bicubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    /** Per output index: first input index, tap count, and the fixed-point weights ({@code ksize} per index). */
    record Coefficients(int[] start, int[] count, int[] weights, int ksize) {}

    /** Pillow's {@code precompute_coeffs} followed by {@code normalize_coeffs_8bpc}, for the box [0, inSize). */
    static Coefficients coefficients(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = 2.0 * filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        int[] weights = new int[outSize * ksize];
        double[] k = new double[ksize];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = Math.max((int) (center - support + 0.5), 0); // C cast truncates toward zero, as here
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                k[x] = bicubic((x + xmin - center + 0.5) * ss);
                ww += k[x];
            }
            for (int x = 0; x < xmax; x++) {
                double w = ww != 0.0 ? k[x] / ww : k[x];
                // round half away from zero, then truncate, as normalize_coeffs_8bpc
                weights[xx * ksize + x] =
                        (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
            }
            start[xx] = xmin;
            count[xx] = Math.max(xmax, 0);
        }
        return new Coefficients(start, count, weights, ksize);
    }

    /** Pillow's {@code clip8}: drop the fraction (floor) and clamp to [0, 255]. */
    private static int clip8(int ss) {
        int v = ss >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /**
     * Bicubic resize of interleaved 8-bit pixels, exactly as Pillow's {@code Image.resize(size, BICUBIC)} for
     * modes L, RGB, RGBA-premultiplied ("RGBa") and CMYK.
     *
     * @param in the image
     * @param outW the output width
     * @param outH the output height
     * @return the resized image (the input itself when the size is unchanged, as Pillow copies it)
     */
    static Pixels bicubic(Pixels in, int outW, int outH) {
        Pixels img = in;
        if (outW != img.width()) {
            img = horizontal(img, outW);
        }
        if (outH != img.height()) {
            img = vertical(img, outH);
        }
        return img;
    }

    private static Pixels horizontal(Pixels in, int outW) {
        Coefficients c = coefficients(in.width(), outW);
        int bands = in.bands();
        byte[] src = in.data();
        byte[] out = new byte[outW * in.height() * bands];
        for (int y = 0; y < in.height(); y++) {
            int row = y * in.width() * bands;
            for (int xx = 0; xx < outW; xx++) {
                int k0 = xx * c.ksize();
                int s0 = row + c.start()[xx] * bands;
                for (int b = 0; b < bands; b++) {
                    int ss = 1 << (PRECISION_BITS - 1);
                    for (int x = 0; x < c.count()[xx]; x++) {
                        ss += (src[s0 + x * bands + b] & 0xff) * c.weights()[k0 + x];
                    }
                    out[(y * outW + xx) * bands + b] = (byte) clip8(ss);
                }
            }
        }
        return new Pixels(outW, in.height(), bands, out);
    }

    private static Pixels vertical(Pixels in, int outH) {
        Coefficients c = coefficients(in.height(), outH);
        int bands = in.bands();
        int stride = in.width() * bands;
        byte[] src = in.data();
        byte[] out = new byte[in.width() * outH * bands];
        for (int yy = 0; yy < outH; yy++) {
            int k0 = yy * c.ksize();
            for (int i = 0; i < stride; i++) {
                int ss = 1 << (PRECISION_BITS - 1);
                for (int y = 0; y < c.count()[yy]; y++) {
                    ss += (src[(c.start()[yy] + y) * stride + i] & 0xff) * c.weights()[k0 + y];
                }
                out[yy * stride + i] = (byte) clip8(ss);
            }
        }
        return new Pixels(in.width(), outH, bands, out);
    }

    /**
     * Nearest-neighbour resize as Pillow's {@code ImagingScaleAffine}: source coordinate accumulated in steps
     * of in/out starting at half a step, truncated.
     *
     * @param in the image
     * @param outW the output width
     * @param outH the output height
     * @return the resized image
     */
    static Pixels nearest(Pixels in, int outW, int outH) {
        if (outW == in.width() && outH == in.height()) {
            return in;
        }
        int[] xs = nearestIndex(in.width(), outW);
        int[] ys = nearestIndex(in.height(), outH);
        int bands = in.bands();
        byte[] out = new byte[outW * outH * bands];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                System.arraycopy(in.data(), (ys[y] * in.width() + xs[x]) * bands, out, (y * outW + x) * bands, bands);
            }
        }
        return new Pixels(outW, outH, bands, out);
    }

    private static int[] nearestIndex(int inSize, int outSize) {
        double step = (double) inSize / outSize;
        double pos = step * 0.5;
        int[] idx = new int[outSize];
        for (int i = 0; i < outSize; i++) {
            idx[i] = Math.min((int) pos, inSize - 1);
            pos += step;
        }
        return idx;
    }
}
