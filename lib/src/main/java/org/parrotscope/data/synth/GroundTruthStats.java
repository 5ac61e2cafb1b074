package org.parrotscope.data.synth;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The paper's Table 1 quantities computed on mini-LAION's ground truth (the words really rendered instead of
 * OCR output): images, images with embedded text, images with Co-Emb. text (CoTR &gt; 0), and the mean CoTR over
 * all images and over text images, with CoTR = 0 for an image without text (docs/PAPER.md Step 3 aggregation).
 *
 * @param images the number of images
 * @param imagesWithText images with at least one rendered word
 * @param imagesWithCoEmbText images whose caption contains at least one printed word
 * @param meanCotrTotal mean CoTR over all images
 * @param meanCotrTextImages mean CoTR over images with text (NaN when there are none)
 */
public record GroundTruthStats(
        long images, long imagesWithText, long imagesWithCoEmbText, double meanCotrTotal, double meanCotrTextImages) {

    /** @return the share of images with text */
    public double textRate() {
        return images == 0 ? Double.NaN : (double) imagesWithText / images;
    }

    /** @return the share of text images with at least one caption word printed in the image */
    public double coEmbRateOfTextImages() {
        return imagesWithText == 0 ? Double.NaN : (double) imagesWithCoEmbText / imagesWithText;
    }

    /**
     * CoTR per Algorithm 1: |set(caption.split()) ∩ set(ocr words)| / |set(caption.split())|, exact and
     * case-sensitive; 0 for an empty caption (Algorithm 1 would divide by zero).
     *
     * @param caption the caption
     * @param ocrWords the words in the image
     * @return the rate in [0, 1]
     */
    public static double cotr(String caption, List<String> ocrWords) {
        Set<String> cap = new LinkedHashSet<>(split(caption));
        if (cap.isEmpty()) {
            return 0;
        }
        Set<String> co = new HashSet<>(cap);
        co.retainAll(new HashSet<>(ocrWords));
        // divides by the caption word set, not the union (Algorithm 1, despite "IoU" in the text)
        return (double) co.size() / cap.size();
    }

    /** @return Python's {@code str.split()}: runs of whitespace separate, no empty tokens */
    static List<String> split(String s) {
        String t = s.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    /** @return a small table in the style of the paper's Table 1 */
    public String table() {
        return String.format(
                Locale.ROOT,
                """
                Num. of Total Img.                %d
                Num. of Img. w/ Emb. Text         %d (%.2f%%)
                Num. of Img. w/ Co-Emb. Text      %d (%.2f%% of text images)
                Co-Emb. Text Rate (in Total)      %.2f%%
                - (in Img. w/ Emb. Text)          %.2f%%
                """,
                images,
                imagesWithText,
                100 * textRate(),
                imagesWithCoEmbText,
                100 * coEmbRateOfTextImages(),
                100 * meanCotrTotal,
                100 * meanCotrTextImages);
    }

    /** Accumulates samples into statistics; not thread-safe. */
    public static final class Accumulator {
        private long images;
        private long withText;
        private long withCoEmb;
        private double sum;

        /**
         * Adds one sample.
         *
         * @param caption the caption
         * @param truth its ground truth
         * @return this
         */
        public Accumulator add(String caption, Truth truth) {
            return add(caption, truth.words().stream().map(WordBox::text).toList());
        }

        /**
         * Adds one sample.
         *
         * @param caption the caption
         * @param printed the words printed in its image; empty for an image without text
         * @return this
         */
        public Accumulator add(String caption, List<String> printed) {
            images++;
            if (!printed.isEmpty()) {
                withText++;
                double c = cotr(caption, printed);
                sum += c;
                if (c > 0) {
                    withCoEmb++;
                }
            }
            return this;
        }

        /** @return the statistics so far */
        public GroundTruthStats stats() {
            return new GroundTruthStats(
                    images,
                    withText,
                    withCoEmb,
                    images == 0 ? Double.NaN : sum / images,
                    withText == 0 ? Double.NaN : sum / withText);
        }
    }
}
