package org.parrotscope.eval;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An image with its class name, for zero-shot classification and the typographic probe.
 *
 * @param image the decoded RGB image
 * @param label the class name
 */
public record LabelledImage(BufferedImage image, String label) {

    /** Validates the fields. */
    public LabelledImage {
        Objects.requireNonNull(image, "image");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a labelled image needs a class name");
        }
    }
}
