package org.parrotscope.parrot;

import java.util.List;
import java.util.Objects;
import org.parrotscope.ocr.SpottedWord;

/**
 * One image's caption together with the words spotted in it: the unit the parrot statistics are built from
 * (a shard sample joined with its OCR record, see {@link CaptionOcrJoin}).
 *
 * @param key the sample key
 * @param caption the caption, empty when missing
 * @param width image width in pixels (0 when unknown; area ratios are then missing)
 * @param height image height in pixels (0 when unknown)
 * @param words the spotted words in OCR order, copied
 */
public record ImageText(String key, String caption, int width, int height, List<SpottedWord> words) {

    /** Validates the fields. */
    public ImageText {
        Objects.requireNonNull(key, "key");
        caption = caption == null ? "" : caption;
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative image size " + width + "x" + height + " for " + key);
        }
        words = List.copyOf(words);
    }

    /** @return the paper's {@code ocr_text}: the spotted words' texts joined by single spaces */
    public String ocrText() {
        return PyWords.ocrText(words.stream().map(SpottedWord::text).toList());
    }

    /** @return width × height in square pixels, 0 when unknown */
    public double imageArea() {
        return (double) width * height;
    }

    /**
     * A word's box area clipped to the image, as a fraction of the image area (the paper's "AreaRatio: Box/Image",
     * Fig. 4; we use the axis-aligned box, the paper does not say box or polygon).
     *
     * @param w a spotted word
     * @return the ratio in [0, 1], or NaN when the image size is unknown
     */
    public double areaRatio(SpottedWord w) {
        if (width == 0 || height == 0) {
            return Double.NaN;
        }
        double x0 = Math.max(0, w.box().x0());
        double y0 = Math.max(0, w.box().y0());
        double x1 = Math.min(width, w.box().x1());
        double y1 = Math.min(height, w.box().y1());
        double a = x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) : 0;
        return a / imageArea();
    }
}
