package org.parrotscope.edit;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Makes the edited images of one sample (paper Step 5): All-Emb. and Co-Emb. removal inpaint the target's own
 * word polygons, the random-area baselines inpaint a donor's polygons scaled to the target. Thread-safe.
 */
public final class TextRemover {

    private final Inpainter inpainter;

    /** @param config inpainting radius and mask dilation */
    public TextRemover(InpaintConfig config) {
        this.inpainter = new Inpainter(config);
    }

    /** @return the inpainter */
    public Inpainter inpainter() {
        return inpainter;
    }

    /**
     * Removes the target's words.
     *
     * @param image the decoded image; its polygons are rescaled when it was decoded at another size than the OCR
     *     saw
     * @param target its regions
     * @param removal which words
     * @return the inpainted copy
     */
    public BufferedImage remove(BufferedImage image, TextRegions target, Removal removal) {
        return inpainter.inpaint(image, target.polygons(removal, image.getWidth(), image.getHeight()));
    }

    /**
     * Inpaints a donor's regions on an image (the random-area baseline).
     *
     * @param image the target image
     * @param donor the donor's regions, scaled from the donor's size to the target's
     * @param removal which of the donor's words
     * @return the inpainted copy
     */
    public BufferedImage removeDonorArea(BufferedImage image, TextRegions donor, Removal removal) {
        return inpainter.inpaint(image, donor.polygons(removal, image.getWidth(), image.getHeight()));
    }

    /**
     * All edited images of a sample. Variants that do not apply are absent: every variant but {@code RAW} for an
     * image without text; {@code CO} and {@code RAND_CO} when no spotted word is Co-Emb. text (nothing to remove,
     * paper Table 2 scores Co removal on parrot images); a random variant without a donor.
     *
     * @param image the decoded image
     * @param target its regions
     * @param donorAll the donor of the random All baseline, or null
     * @param donorCo the donor of the random Co baseline, or null
     * @return the images by variant, {@code RAW} being {@code image} itself
     */
    public Map<Variant, BufferedImage> edits(
            BufferedImage image, TextRegions target, TextRegions donorAll, TextRegions donorCo) {
        Objects.requireNonNull(image, "image");
        Map<Variant, BufferedImage> out = new EnumMap<>(Variant.class);
        out.put(Variant.RAW, image);
        if (!target.hasText()) {
            return out;
        }
        out.put(Variant.ALL, remove(image, target, Removal.ALL));
        if (donorAll != null) {
            out.put(Variant.RAND_ALL, removeDonorArea(image, donorAll, Removal.ALL));
        }
        if (target.hasCoText()) {
            out.put(Variant.CO, remove(image, target, Removal.CO));
            if (donorCo != null) {
                out.put(Variant.RAND_CO, removeDonorArea(image, donorCo, Removal.CO));
            }
        }
        return out;
    }
}
