package org.parrotscope.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.parrotscope.util.AtomicFiles;

/**
 * An image as a PNG output (base64 image/png) with a size line as text; saved as a .png file.
 *
 * @param image the image
 */
public record ImageView(BufferedImage image) implements PngRenderable {

    /** Validates. */
    public ImageView {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
    }

    /** @return the image encoded as PNG */
    @Override
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * @param file the .png file, written atomically
     * @return the file
     */
    public Path save(Path file) {
        byte[] bytes = png();
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    @Override
    public String toString() {
        return "image " + image.getWidth() + "x" + image.getHeight();
    }
}
