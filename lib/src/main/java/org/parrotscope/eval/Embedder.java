package org.parrotscope.eval;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What the evaluation suites need from a CLIP model: image and text embeddings in one space. Returned rows
 * need not be normalised; the suites compare them by cosine. {@link ClipEmbedder} adapts a trained or
 * pretrained model folder.
 */
public interface Embedder {

    /** @return the model's input side in pixels (the Sync benchmark scales its canvas and font with it) */
    int imageSize();

    /**
     * Embeds images (the model's own evaluation preprocessing is applied).
     *
     * @param images the images
     * @return one row per image
     */
    float[][] embedImages(List<BufferedImage> images);

    /**
     * Embeds texts.
     *
     * @param texts the texts
     * @return one row per text
     */
    float[][] embedTexts(List<String> texts);
}
