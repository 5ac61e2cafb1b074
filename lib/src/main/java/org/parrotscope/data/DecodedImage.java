package org.parrotscope.data;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A decoded image in the project's one pixel type ({@link BufferedImage#TYPE_INT_RGB}) and the format
 * its bytes were actually in (which may differ from the file extension).
 *
 * @param image the pixels, {@code TYPE_INT_RGB}
 * @param format the ImageIO format name in lower case: {@code jpeg}, {@code png}, {@code webp}, {@code gif}...
 */
public record DecodedImage(BufferedImage image, String format) {

    /** Validates the fields. */
    public DecodedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(format, "format");
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("decoded images must be TYPE_INT_RGB, got type " + image.getType());
        }
    }
}
