package org.parrotscope.eval;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.parrotscope.clip.ClipMath;

/** Image-text retrieval over held-out pairs (the {@code i}-th image belongs with the {@code i}-th caption). */
public final class Retrieval {

    private Retrieval() {}

    /**
     * Embeds the pairs and computes R@1/5/10 in both directions.
     *
     * @param embedder the model
     * @param images the images
     * @param captions their captions, same order
     * @param batch items per embedding call
     * @return the recalls
     */
    public static RetrievalResult evaluate(
            Embedder embedder, List<BufferedImage> images, List<String> captions, int batch) {
        if (images.size() != captions.size()) {
            throw new IllegalArgumentException(
                    "retrieval needs as many captions as images: " + images.size() + " vs " + captions.size());
        }
        List<float[]> img = new ArrayList<>();
        List<float[]> txt = new ArrayList<>();
        for (int from = 0; from < images.size(); from += batch) {
            int to = Math.min(images.size(), from + batch);
            img.addAll(List.of(embedder.embedImages(images.subList(from, to))));
            txt.addAll(List.of(embedder.embedTexts(captions.subList(from, to))));
        }
        return RetrievalResult.of(ClipMath.cosineOfRows(img.toArray(float[][]::new), txt.toArray(float[][]::new)));
    }
}
