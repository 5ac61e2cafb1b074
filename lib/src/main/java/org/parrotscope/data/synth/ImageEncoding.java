package org.parrotscope.data.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes generated images. JPEG uses the JDK's own encoder (not whichever plugin registered first) at a fixed
 * quality, PNG the JDK's PNG writer; both write no timestamps, so equal pixels give equal bytes.
 */
final class ImageEncoding {

    private ImageEncoding() {}

    /**
     * @param img an RGB image
     * @param format {@code jpg} or {@code png}
     * @param quality the JPEG quality in (0, 1]
     * @return the encoded bytes
     */
    static byte[] encode(BufferedImage img, String format, float quality) {
        ImageWriter w = writer(format.equals("jpg") ? "jpeg" : format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            if (format.equals("jpg")) {
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
            }
            w.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a generated image as " + format, e);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter writer(String format) {
        ImageWriter first = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.")) {
                if (first != null) {
                    first.dispose();
                }
                return w;
            }
            if (first == null) {
                first = w;
            } else {
                w.dispose();
            }
        }
        if (first == null) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return first;
    }
}
