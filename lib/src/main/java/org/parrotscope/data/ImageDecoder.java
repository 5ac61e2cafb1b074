package org.parrotscope.data;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes sample images through ImageIO with the TwelveMonkeys plugins (CMYK and YCCK JPEG, WebP;
 * the JDK reads 16-bit PNG), into {@link BufferedImage#TYPE_INT_RGB} (see {@link DecodedImage}): alpha
 * composited on white, 16-bit and grey converted to 8-bit RGB.
 *
 * <p>Decompression bombs are refused before any pixel is decoded: the width and height are read from
 * the header and compared with a pixel limit (default 50 MP), like PIL's {@code MAX_IMAGE_PIXELS}.
 * Failures are {@link ImageDecodeException}s with a reason code: {@code empty_file} (0 bytes),
 * {@code unsupported_image} (no ImageIO reader recognises the bytes, e.g. an HTML page saved as .jpg),
 * {@code too_many_pixels}, {@code corrupt_image} (a reader recognised the format but failed, or a JPEG's
 * scan data ends early: the JDK would fill the rest with grey, PIL refuses such a file).
 * Thread-safe: every call uses its own reader.
 */
public final class ImageDecoder {

    /** The default pixel limit: 50 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private static final ImageDecoder DEFAULTS = builder().build();
    private static volatile boolean pluginsScanned;

    private final long maxPixels;

    private ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a decoder with the default 50 MP limit */
    public static ImageDecoder defaults() {
        return DEFAULTS;
    }

    /** @return the largest width x height decoded */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Makes sure the TwelveMonkeys readers are registered with ImageIO, also when this class was loaded
     * by a class loader ImageIO did not scan at start-up (a notebook kernel); turns off ImageIO's disk cache,
     * which only slows in-memory decoding. Runs once.
     */
    public static void ensurePlugins() {
        if (!pluginsScanned) {
            synchronized (ImageDecoder.class) {
                if (!pluginsScanned) {
                    ImageIO.scanForPlugins();
                    ImageIO.setUseCache(false);
                    pluginsScanned = true;
                }
            }
        }
    }

    /**
     * Decodes a sample's image.
     *
     * @param s the sample
     * @return the pixels, {@code TYPE_INT_RGB}
     * @throws ImageDecodeException when the image is empty, unsupported, too large or corrupt
     */
    public BufferedImage decode(Sample s) throws ImageDecodeException {
        return read(s).image();
    }

    /**
     * Decodes a sample's image and reports its actual format.
     *
     * @param s the sample
     * @return the pixels and the format name
     * @throws ImageDecodeException when the image is empty, unsupported, too large or corrupt
     */
    public DecodedImage read(Sample s) throws ImageDecodeException {
        return withReader(s, reader -> {
            checkPixels(s, reader.getWidth(0), reader.getHeight(0));
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((src, warning) -> warnings.add(warning));
            BufferedImage img = reader.read(0);
            for (String w : warnings) {
                // libjpeg fills missing scan data with grey and only warns; PIL refuses such files ("image file is
                // truncated"), so do we.
                if (w.toLowerCase(Locale.ROOT).contains("premature end")) {
                    throw new ImageDecodeException(
                            "corrupt_image", name(s) + ": image data ends early (truncated file): " + w, null);
                }
            }
            return new DecodedImage(RgbImages.toIntRgb(img), formatOf(reader));
        });
    }

    /**
     * Reads the image size from its header, without decoding pixels (and without the pixel limit).
     *
     * @param s the sample
     * @return width and height
     * @throws ImageDecodeException when the image is empty, unsupported or its header is corrupt
     */
    public Dimension size(Sample s) throws ImageDecodeException {
        return withReader(s, reader -> new Dimension(reader.getWidth(0), reader.getHeight(0)));
    }

    private void checkPixels(Sample s, int width, int height) throws ImageDecodeException {
        long pixels = (long) width * height;
        if (pixels > maxPixels || width <= 0 || height <= 0) {
            throw new ImageDecodeException(
                    pixels > maxPixels ? "too_many_pixels" : "corrupt_image",
                    name(s) + ": header says " + width + "x" + height + " = " + pixels + " pixels (limit " + maxPixels
                            + ")",
                    null);
        }
    }

    private interface ReaderTask<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Sample s, ReaderTask<T> task) throws ImageDecodeException {
        ensurePlugins();
        byte[] bytes = s.imageBytes();
        if (bytes.length == 0) {
            throw new ImageDecodeException("empty_file", name(s) + ": the image file has 0 bytes", null);
        }
        ImageReader reader = null;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageDecodeException(
                        "unsupported_image",
                        name(s) + ": no image reader recognises the content (starts with " + head(bytes) + ")",
                        null);
            }
            reader = readers.next();
            reader.setInput(in, true, true);
            return task.apply(reader);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Plugins signal bad data with IIOException but also with IndexOutOfBounds, IllegalArgument,
            // CMMException...
            throw new ImageDecodeException(
                    "corrupt_image",
                    name(s) + ": " + (reader == null ? "" : formatOf(reader) + " ") + "decoding failed: " + e,
                    e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    private static String formatOf(ImageReader reader) {
        try {
            return reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String name(Sample s) {
        return s.source() + ":" + s.key() + "." + s.imageExt();
    }

    private static String head(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            sb.append(String.format("%02x", bytes[i] & 0xff)).append(i < 7 ? " " : "");
        }
        return sb.toString().strip();
    }

    /** Builds an {@link ImageDecoder}. */
    public static final class Builder {
        private long maxPixels = DEFAULT_MAX_PIXELS;

        private Builder() {}

        /**
         * @param pixels the largest width x height to decode (default 50,000,000); larger images fail with {@code
         * too_many_pixels}
         * @return this builder
         */
        public Builder optMaxPixels(long pixels) {
            this.maxPixels = pixels;
            return this;
        }

        /** @return the decoder */
        public ImageDecoder build() {
            if (maxPixels <= 0) {
                throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
            }
            return new ImageDecoder(maxPixels);
        }
    }
}
