package org.parrotscope.parrot;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How well one engine's OCR reproduces what the parrot statistics need, against ground truth: words (multiset
 * match per image, exact and normalised by {@link NormalizedWords}), images with text, and images whose caption
 * parrots the printed text under each {@link Matching} (the truth's co-emerging words non-empty, and the
 * engine's words too). Images the engine failed on or has no record for count as spotting nothing.
 *
 * @param engine the engine name
 * @param layout the layout the images were restricted to, or {@code all}
 * @param images images compared
 * @param truthWords printed words
 * @param spottedWords spotted words
 * @param wordsExact words matched with identical text
 * @param wordsNormalized words matched after normalisation (case, NFKC, surrounding punctuation)
 * @param truthTextImages images with printed text
 * @param spottedTextImages images with a spotted word
 * @param textHits images with both
 * @param parrot image-level parrot counts per matching
 */
public record SpottingAccuracy(
        String engine,
        String layout,
        long images,
        long truthWords,
        long spottedWords,
        long wordsExact,
        long wordsNormalized,
        long truthTextImages,
        long spottedTextImages,
        long textHits,
        Map<Matching, ParrotCounts> parrot) {

    /** The {@link #layout} of a result over every image. */
    public static final String ALL = "all";

    /**
     * Image-level parrot counts under one matching.
     *
     * @param truth images whose caption shares a word with the printed text
     * @param spotted images whose caption shares a word with the spotted text
     * @param both images counted in both
     */
    public record ParrotCounts(long truth, long spotted, long both) {
        /** @return both / truth (1 without truth parrots) */
        public double recall() {
            return truth == 0 ? 1 : (double) both / truth;
        }

        /** @return both / spotted (1 without spotted parrots) */
        public double precision() {
            return spotted == 0 ? 1 : (double) both / spotted;
        }
    }

    /** Checks and copies the fields. */
    public SpottingAccuracy {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(layout, "layout");
        parrot = Map.copyOf(parrot);
    }

    /**
     * Scores an engine's records against the truth.
     *
     * @param engine the engine name
     * @param truth the captions and printed words
     * @param records the engine's OCR records of (some of) the same samples; samples without a record are left out
     * @param layout a layout id to restrict to, or {@link #ALL}
     * @return the counts
     */
    public static SpottingAccuracy compute(String engine, TruthImages truth, List<OcrRecord> records, String layout) {
        Map<String, OcrRecord> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        CoEmbMatcher matcher = CoEmbMatcher.defaults();
        long images = 0, tw = 0, sw = 0, exact = 0, norm = 0, withT = 0, withS = 0, hits = 0;
        Map<Matching, long[]> p = new EnumMap<>(Matching.class);
        for (Matching m : Matching.values()) {
            p.put(m, new long[3]);
        }
        for (TruthImages.Image img : truth.byKey().values()) {
            OcrRecord r = byKey.get(img.key());
            if (r == null || !(ALL.equals(layout) || img.layout().equals(layout))) {
                continue;
            }
            List<String> spotted = r.failed()
                    ? List.of()
                    : r.words().stream().map(SpottedWord::text).toList();
            images++;
            tw += img.words().size();
            sw += spotted.size();
            exact += multisetMatches(img.words(), spotted, false);
            norm += multisetMatches(img.words(), spotted, true);
            boolean t = !img.words().isEmpty();
            boolean s = !spotted.isEmpty();
            withT += t ? 1 : 0;
            withS += s ? 1 : 0;
            hits += t && s ? 1 : 0;
            for (Matching m : Matching.values()) {
                boolean pt = matcher.match(m, img.caption(), img.words()).parrot();
                boolean ps = matcher.match(m, img.caption(), spotted).parrot();
                long[] c = p.get(m);
                c[0] += pt ? 1 : 0;
                c[1] += ps ? 1 : 0;
                c[2] += pt && ps ? 1 : 0;
            }
        }
        Map<Matching, ParrotCounts> parrot = new EnumMap<>(Matching.class);
        p.forEach((m, c) -> parrot.put(m, new ParrotCounts(c[0], c[1], c[2])));
        return new SpottingAccuracy(engine, layout, images, tw, sw, exact, norm, withT, withS, hits, parrot);
    }

    /** Size of the multiset intersection of two word lists, optionally after normalisation. */
    static long multisetMatches(List<String> truth, List<String> spotted, boolean normalize) {
        Map<String, Integer> left = new HashMap<>();
        for (String w : truth) {
            left.merge(key(w, normalize), 1, Integer::sum);
        }
        long m = 0;
        for (String w : spotted) {
            String k = key(w, normalize);
            Integer c = left.get(k);
            if (c != null && c > 0) {
                left.put(k, c - 1);
                m++;
            }
        }
        return m;
    }

    private static String key(String w, boolean normalize) {
        return normalize ? String.join(" ", NormalizedWords.split(w)) : w;
    }

    /** @return exactly matched words / printed words */
    public double wordRecall() {
        return truthWords == 0 ? 1 : (double) wordsExact / truthWords;
    }

    /** @return exactly matched words / spotted words */
    public double wordPrecision() {
        return spottedWords == 0 ? 1 : (double) wordsExact / spottedWords;
    }

    /** @return normalised matches / printed words */
    public double wordRecallNormalized() {
        return truthWords == 0 ? 1 : (double) wordsNormalized / truthWords;
    }

    /** @return normalised matches / spotted words */
    public double wordPrecisionNormalized() {
        return spottedWords == 0 ? 1 : (double) wordsNormalized / spottedWords;
    }

    /** @return images with text in which the engine spotted a word / images with text */
    public double imageTextRecall() {
        return truthTextImages == 0 ? 1 : (double) textHits / truthTextImages;
    }

    /** @return images with text in which the engine spotted a word / images in which it spotted a word */
    public double imageTextPrecision() {
        return spottedTextImages == 0 ? 1 : (double) textHits / spottedTextImages;
    }

    /**
     * Engines (or layouts) side by side.
     *
     * @param rows the results, in row order
     * @return a new table: engine, layout, images, truth_words, word_precision, word_recall,
     *     word_precision_normalized, word_recall_normalized, image_text_recall, image_text_precision, then
     *     parrot_recall_M and parrot_precision_M for each matching M (exact, normalized, fuzzy) and
     *     truth_parrot_images_normalized
     */
    public static Table toTable(List<SpottingAccuracy> rows) {
        Table t = Table.create(
                "spotting accuracy vs ground truth",
                StringColumn.create(
                        "engine", rows.stream().map(SpottingAccuracy::engine).toList()),
                StringColumn.create(
                        "layout", rows.stream().map(SpottingAccuracy::layout).toList()),
                LongColumn.create(
                        "images",
                        rows.stream().mapToLong(SpottingAccuracy::images).toArray()),
                LongColumn.create(
                        "truth_words",
                        rows.stream().mapToLong(SpottingAccuracy::truthWords).toArray()),
                col("word_precision", rows, SpottingAccuracy::wordPrecision),
                col("word_recall", rows, SpottingAccuracy::wordRecall),
                col("word_precision_normalized", rows, SpottingAccuracy::wordPrecisionNormalized),
                col("word_recall_normalized", rows, SpottingAccuracy::wordRecallNormalized),
                col("image_text_recall", rows, SpottingAccuracy::imageTextRecall),
                col("image_text_precision", rows, SpottingAccuracy::imageTextPrecision));
        for (Matching m : Matching.values()) {
            t.addColumns(
                    col(
                            "parrot_recall_" + m.label(),
                            rows,
                            a -> a.parrot().get(m).recall()),
                    col(
                            "parrot_precision_" + m.label(),
                            rows,
                            a -> a.parrot().get(m).precision()));
        }
        t.addColumns(LongColumn.create(
                "truth_parrot_images_normalized",
                rows.stream()
                        .mapToLong(a -> a.parrot().get(Matching.NORMALIZED).truth())
                        .toArray()));
        return t;
    }

    /**
     * One engine per row over every image, then (when the truth has hard layouts) one row per engine and layout.
     *
     * @param truth the captions and printed words
     * @param byEngine each engine's records, in row order
     * @param perLayout also add a row per engine and layout
     * @return the results
     */
    public static List<SpottingAccuracy> compare(
            TruthImages truth, Map<String, List<OcrRecord>> byEngine, boolean perLayout) {
        List<SpottingAccuracy> rows = new ArrayList<>();
        byEngine.forEach((e, r) -> rows.add(compute(e, truth, r, ALL)));
        if (perLayout) {
            for (String layout : truth.layouts()) {
                byEngine.forEach((e, r) -> rows.add(compute(e, truth, r, layout)));
            }
        }
        return rows;
    }

    private static DoubleColumn col(
            String name, List<SpottingAccuracy> rows, java.util.function.ToDoubleFunction<SpottingAccuracy> f) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(f).toArray());
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s [%s] words P %.3f R %.3f (normalised P %.3f R %.3f); text images R %.3f P %.3f;"
                        + " parrot images R exact %.3f normalised %.3f fuzzy %.3f over %d images",
                engine,
                layout,
                wordPrecision(),
                wordRecall(),
                wordPrecisionNormalized(),
                wordRecallNormalized(),
                imageTextRecall(),
                imageTextPrecision(),
                parrot.get(Matching.EXACT).recall(),
                parrot.get(Matching.NORMALIZED).recall(),
                parrot.get(Matching.FUZZY).recall(),
                images);
    }
}
