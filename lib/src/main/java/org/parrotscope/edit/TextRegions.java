package org.parrotscope.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parrotscope.ocr.Quad;
import org.parrotscope.ocr.SpottedWord;
import org.parrotscope.parrot.CoEmbMatcher;
import org.parrotscope.parrot.ImageStats;
import org.parrotscope.parrot.ImageText;
import org.parrotscope.parrot.Matching;

/**
 * The word polygons of one image that the text removals inpaint: all spotted words, and the ones whose text
 * co-emerges in the caption. The Co-Emb. words are chosen by the parrot stage's own per-word caption matching
 * ({@link ImageStats.WordStats#inCaption()}), so they are exactly the words Table 1 and Fig. 4 count.
 *
 * @param key the sample key
 * @param width the image width the polygons refer to (the OCR run's), at least 1
 * @param height the image height the polygons refer to, at least 1
 * @param all every spotted word's polygon, in OCR order
 * @param co the polygons of the Co-Emb. words, a subset of {@code all} in the same order
 */
public record TextRegions(String key, int width, int height, List<Quad> all, List<Quad> co) {

    /** Validates and copies. */
    public TextRegions {
        Objects.requireNonNull(key, "key");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive for " + key + ": " + width + "x" + height);
        }
        all = List.copyOf(all);
        co = List.copyOf(co);
        if (co.size() > all.size()) {
            throw new IllegalArgumentException("more Co-Emb. polygons than spotted words for " + key);
        }
    }

    /**
     * The regions of an image.
     *
     * @param it the caption and spotted words (with the OCR run's image size)
     * @param matcher the caption matcher
     * @param matching which matching decides Co-Emb. words
     * @return the regions
     */
    public static TextRegions of(ImageText it, CoEmbMatcher matcher, Matching matching) {
        ImageStats stats = ImageStats.of(it, matcher);
        List<Quad> all = new ArrayList<>();
        List<Quad> co = new ArrayList<>();
        for (int i = 0; i < it.words().size(); i++) {
            SpottedWord w = it.words().get(i);
            all.add(w.polygon());
            if (stats.words().get(i).inCaption().get(matching)) {
                co.add(w.polygon());
            }
        }
        return new TextRegions(it.key(), it.width(), it.height(), all, co);
    }

    /** @return true when any word was spotted ("Image w/ Emb. Text") */
    public boolean hasText() {
        return !all.isEmpty();
    }

    /** @return true when any spotted word is Co-Emb. text (a parrot caption) */
    public boolean hasCoText() {
        return !co.isEmpty();
    }

    /**
     * @param removal which words
     * @return their polygons
     */
    public List<Quad> polygons(Removal removal) {
        return removal == Removal.ALL ? all : co;
    }

    /**
     * The polygons of a removal in another image size (a target decoded at another size than the OCR saw, or a
     * donor's polygons on a target for the random-area baseline), see {@link TextMask#scale}.
     *
     * @param removal which words
     * @param toWidth the target width
     * @param toHeight the target height
     * @return the scaled polygons; the same list when the size is unchanged
     */
    public List<Quad> polygons(Removal removal, int toWidth, int toHeight) {
        List<Quad> p = polygons(removal);
        return toWidth == width && toHeight == height ? p : TextMask.scale(p, width, height, toWidth, toHeight);
    }
}
