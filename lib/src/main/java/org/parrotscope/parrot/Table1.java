package org.parrotscope.parrot;

import java.util.Objects;

/**
 * The paper's Table 1 for one matching: "Overall correlation statistic between spotted text and captions".
 *
 * @param matching how words were compared
 * @param images Num. of Total Img.
 * @param imagesWithText Num. of Img. w/ Emb. Text (OCR found at least one word)
 * @param imagesWithCoEmbText Num. of Img. w/ Co-Emb. Text (CoTR &gt; 0, parrot captions)
 * @param coEmbRateTotal Co-Emb. Text Rate (in Total): mean CoTR over all images, CoTR = 0 for text-free ones
 *     (this aggregation reproduces the paper's 15.42% / 28.24% ratio, see docs/PAPER.md Step 3); NaN without images
 * @param coEmbRateTextImages the same mean among images with text; NaN when there are none
 * @param imagesWithEmptyCaption images whose caption has no word under this matching (CoTR defined as 0; they
 *     are included in {@code images} and the means)
 */
public record Table1(
        Matching matching,
        long images,
        long imagesWithText,
        long imagesWithCoEmbText,
        double coEmbRateTotal,
        double coEmbRateTextImages,
        long imagesWithEmptyCaption) {

    /** Validates the counts. */
    public Table1 {
        Objects.requireNonNull(matching, "matching");
        if (images < 0
                || imagesWithText < 0
                || imagesWithText > images
                || imagesWithCoEmbText > imagesWithText
                || imagesWithCoEmbText < 0
                || imagesWithEmptyCaption < 0
                || imagesWithEmptyCaption > images) {
            throw new IllegalArgumentException("inconsistent Table 1 counts: " + images + ", " + imagesWithText + ", "
                    + imagesWithCoEmbText + ", " + imagesWithEmptyCaption);
        }
    }

    /** @return share of images with text, NaN without images */
    public double textShare() {
        return images == 0 ? Double.NaN : (double) imagesWithText / images;
    }

    /** @return share of images with parrot captions among all images, NaN without images */
    public double parrotShare() {
        return images == 0 ? Double.NaN : (double) imagesWithCoEmbText / images;
    }

    /** @return share of parrot captions among images with text, NaN without text images */
    public double parrotShareOfTextImages() {
        return imagesWithText == 0 ? Double.NaN : (double) imagesWithCoEmbText / imagesWithText;
    }
}
