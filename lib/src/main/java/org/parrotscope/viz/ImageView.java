package org.parrotscope.viz;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import javax.imageio.ImageIO;
import org.parrotscope.util.AtomicFiles;

/**
 * An image as a PNG output (base64 image/png) with a size line as text; saved as a .png file.
 *
 * @param image the image
 */
public record ImageView(BufferedImage image) implements DisplayDataRenderable {

    /** Validates. */
    public ImageView {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
    }

    /** @return the image encoded as PNG */
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

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN);
    }

    @Override
    public Set<MIMEType> getPreferredRenderTypes() {
        return Set.of(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(png()));
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, this::toString);
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
