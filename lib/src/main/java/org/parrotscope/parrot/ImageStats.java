package org.parrotscope.parrot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parrotscope.ocr.SpottedWord;

/**
 * The per-image values behind every parrot statistic (one row of {@link ParrotStats#images()} and its rows of
 * {@link ParrotStats#words()}), computed from one image's caption and spotted words. {@link ParrotStatsBuilder}
 * appends them to its tables; a distributed job stores them per sample and aggregates them later, so both
 * derive the paper's tables from the same numbers.
 *
 * @param key the sample key
 * @param spottedWords how many words the engine returned
 * @param hasText "Image w/ Emb. Text": the OCR result is non-empty under Algorithm 1 tokens (paper §3)
 * @param textAreaRatio summed box-area ratios of all spotted words, NaN when the image size is unknown
 * @param matchings the co-emerging text and its area under each matching
 * @param words one entry per spotted word, in OCR order
 */
public record ImageStats(
        String key,
        int spottedWords,
        boolean hasText,
        double textAreaRatio,
        Map<Matching, PerMatching> matchings,
        List<WordStats> words) {

    /** Validates and copies. */
    public ImageStats {
        Objects.requireNonNull(key, "key");
        EnumMap<Matching, PerMatching> copy = new EnumMap<>(Matching.class);
        copy.putAll(matchings);
        for (Matching m : Matching.values()) {
            Objects.requireNonNull(copy.get(m), "no values for matching " + m);
        }
        matchings = Collections.unmodifiableMap(copy);
        words = List.copyOf(words);
    }

    /**
     * One matching's values for the image.
     *
     * @param coEmb the co-emerging text (word sets, CoTR)
     * @param category {@link StatsColumns#NO_TEXT}, {@link StatsColumns#TEXT_NO_OVERLAP} or
     *     {@link StatsColumns#TEXT_OVERLAP}
     * @param coAreaRatio Fig. 4b's "Sum(Boxes)/Image" of the spotted words that are co-emerging text (overlaps not
     *     merged), NaN when the image size is unknown
     */
    public record PerMatching(CoEmbText coEmb, String category, double coAreaRatio) {

        /** Validates the fields. */
        public PerMatching {
            Objects.requireNonNull(coEmb, "coEmb");
            Objects.requireNonNull(category, "category");
        }
    }

    /**
     * One spotted word's values.
     *
     * @param text the word's text
     * @param areaRatio its box-area ratio ({@link ImageText#areaRatio}), NaN when the image size is unknown
     * @param inCaption per matching, whether one of its tokens is a matched spotted word
     */
    public record WordStats(String text, double areaRatio, Map<Matching, Boolean> inCaption) {

        /** Validates and copies. */
        public WordStats {
            Objects.requireNonNull(text, "text");
            EnumMap<Matching, Boolean> copy = new EnumMap<>(Matching.class);
            copy.putAll(inCaption);
            inCaption = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * Computes the values of one image.
     *
     * @param it the caption and spotted words
     * @param matcher the word matcher (carries the fuzzy rule)
     * @return the image's values
     */
    public static ImageStats of(ImageText it, CoEmbMatcher matcher) {
        String ocrText = it.ocrText();
        Map<Matching, CoEmbText> co = new EnumMap<>(Matching.class);
        for (Matching m : Matching.values()) {
            co.put(m, matcher.match(m, it.caption(), ocrText));
        }
        boolean hasText = co.get(Matching.EXACT).hasText();
        Map<Matching, Double> coArea = new EnumMap<>(Matching.class);
        double textArea = 0;
        List<WordStats> words = new ArrayList<>(it.words().size());
        for (SpottedWord w : it.words()) {
            double ratio = it.areaRatio(w);
            textArea += ratio;
            Map<Matching, Boolean> in = new EnumMap<>(Matching.class);
            for (Matching m : Matching.values()) {
                boolean b = isCoEmb(m, w.text(), co.get(m));
                in.put(m, b);
                coArea.merge(m, b ? ratio : 0.0, Double::sum);
            }
            words.add(new WordStats(w.text(), ratio, in));
        }
        boolean sized = it.imageArea() > 0;
        Map<Matching, PerMatching> per = new EnumMap<>(Matching.class);
        for (Matching m : Matching.values()) {
            CoEmbText c = co.get(m);
            per.put(m, new PerMatching(c, category(hasText, c), sized ? coArea.getOrDefault(m, 0.0) : Double.NaN));
        }
        return new ImageStats(it.key(), it.words().size(), hasText, sized ? textArea : Double.NaN, per, words);
    }

    /**
     * @param m a matching
     * @return that matching's values
     */
    public PerMatching matching(Matching m) {
        return matchings.get(m);
    }

    private static boolean isCoEmb(Matching m, String wordText, CoEmbText c) {
        for (String tok : m.tokens(wordText)) {
            if (c.matchedOcrWords().contains(tok)) {
                return true;
            }
        }
        return false;
    }

    private static String category(boolean hasText, CoEmbText c) {
        if (!hasText) {
            return StatsColumns.NO_TEXT;
        }
        return c.parrot() ? StatsColumns.TEXT_OVERLAP : StatsColumns.TEXT_NO_OVERLAP;
    }
}
