package org.parrotscope.clip;

import java.util.Objects;

/**
 * An 8-bit image with interleaved bands, the in-memory layout Pillow resamples (L = 1 band, LA = 2,
 * RGB = 3, RGBA = 4).
 *
 * @param width pixels per row
 * @param height rows
 * @param bands values per pixel, 1 to 4
 * @param data {@code height * width * bands} unsigned bytes, row-major
 */
record Pixels(int width, int height, int bands, byte[] data) {

    Pixels {
        Objects.requireNonNull(data, "data");
        if (width <= 0 || height <= 0 || bands < 1 || bands > 4) {
            throw new IllegalArgumentException("bad image geometry " + width + "x" + height + "x" + bands);
        }
        if ((long) width * height * bands != data.length) {
            throw new IllegalArgumentException(
                    "data length " + data.length + " != " + width + "x" + height + "x" + bands);
        }
    }

    /** @return the unsigned value of band {@code b} at (x, y) */
    int get(int x, int y, int b) {
        return data[(y * width + x) * bands + b] & 0xff;
    }

    /**
     * Crops a rectangle that lies inside the image.
     *
     * @param left first column
     * @param top first row
     * @param w width
     * @param h height
     * @return the crop
     */
    Pixels crop(int left, int top, int w, int h) {
        if (left < 0 || top < 0 || left + w > width || top + h > height) {
            throw new IllegalArgumentException(
                    "crop " + w + "x" + h + "+" + left + "+" + top + " outside " + width + "x" + height);
        }
        byte[] out = new byte[w * h * bands];
        for (int y = 0; y < h; y++) {
            System.arraycopy(data, ((top + y) * width + left) * bands, out, y * w * bands, w * bands);
        }
        return new Pixels(w, h, bands, out);
    }
}
