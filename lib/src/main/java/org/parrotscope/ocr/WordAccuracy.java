package org.parrotscope.ocr;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Word-level precision and recall of an engine against ground truth (e.g. the {@code oracle} engine's
 * records of mini-LAION), by text only: per image, spotted and true words are matched as multisets (each
 * true word matches at most one spotted word), exactly and ignoring case. Text, not position, is what the
 * parrot statistics use (Algorithm 1 compares words). Images failed in either run are left out.
 *
 * @param images images compared
 * @param truthWords true words in them
 * @param spottedWords spotted words in them
 * @param matchedExact matches with identical text
 * @param matchedCaseless matches ignoring case (Locale.ROOT lower case)
 * @param imagesWithTruthText images with at least one true word
 * @param imagesWithSpottedText images with at least one spotted word
 */
public record WordAccuracy(
        long images,
        long truthWords,
        long spottedWords,
        long matchedExact,
        long matchedCaseless,
        long imagesWithTruthText,
        long imagesWithSpottedText) {

    /**
     * Compares two runs over the same samples.
     *
     * @param truth records of the ground truth (oracle)
     * @param spotted records of the engine
     * @return the counts
     */
    public static WordAccuracy compare(List<OcrRecord> truth, List<OcrRecord> spotted) {
        Map<String, OcrRecord> byKey = new HashMap<>();
        spotted.forEach(r -> byKey.put(r.key(), r));
        long images = 0, tw = 0, sw = 0, exact = 0, caseless = 0, withT = 0, withS = 0;
        for (OcrRecord t : truth) {
            OcrRecord s = byKey.get(t.key());
            if (s == null || s.failed() || t.failed()) {
                continue;
            }
            images++;
            tw += t.words().size();
            sw += s.words().size();
            withT += t.words().isEmpty() ? 0 : 1;
            withS += s.words().isEmpty() ? 0 : 1;
            exact += matches(t.words(), s.words(), false);
            caseless += matches(t.words(), s.words(), true);
        }
        return new WordAccuracy(images, tw, sw, exact, caseless, withT, withS);
    }

    /** Size of the multiset intersection of the two word lists' texts. */
    static long matches(List<SpottedWord> truth, List<SpottedWord> spotted, boolean ignoreCase) {
        Map<String, Integer> left = new HashMap<>();
        for (SpottedWord w : truth) {
            left.merge(norm(w.text(), ignoreCase), 1, Integer::sum);
        }
        long m = 0;
        for (SpottedWord w : spotted) {
            String k = norm(w.text(), ignoreCase);
            Integer c = left.get(k);
            if (c != null && c > 0) {
                left.put(k, c - 1);
                m++;
            }
        }
        return m;
    }

    private static String norm(String s, boolean ignoreCase) {
        return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** @return exact matches / spotted words (1 when nothing was spotted) */
    public double precision() {
        return spottedWords == 0 ? 1.0 : (double) matchedExact / spottedWords;
    }

    /** @return exact matches / true words (1 when there is no true word) */
    public double recall() {
        return truthWords == 0 ? 1.0 : (double) matchedExact / truthWords;
    }

    /** @return case-insensitive matches / spotted words */
    public double precisionCaseless() {
        return spottedWords == 0 ? 1.0 : (double) matchedCaseless / spottedWords;
    }

    /** @return case-insensitive matches / true words */
    public double recallCaseless() {
        return truthWords == 0 ? 1.0 : (double) matchedCaseless / truthWords;
    }

    /** @return the fraction of images with spotted text minus the true fraction (the text-rate error) */
    public double textRateError() {
        return images == 0 ? 0 : (double) (imagesWithSpottedText - imagesWithTruthText) / images;
    }

    /** @return the share of images with at least one true word (0 without images) */
    public double textRateTruth() {
        return images == 0 ? 0 : (double) imagesWithTruthText / images;
    }

    /** @return the share of images with at least one spotted word (0 without images) */
    public double textRateSpotted() {
        return images == 0 ? 0 : (double) imagesWithSpottedText / images;
    }

    /** @return these counts and rates as a one-row table, the columns of {@link #toTable(Map)} without engine */
    public Table toTable() {
        Table t = toTable(Map.of("", this));
        return t.removeColumns("engine");
    }

    /**
     * Engines side by side, one row each.
     *
     * @param byEngine engine name to its accuracy against the same truth, in row order
     * @return a new table: engine, images, truth_words, spotted_words, precision, recall, precision_caseless,
     *     recall_caseless, text_rate_truth, text_rate_spotted, text_rate_error
     */
    public static Table toTable(Map<String, WordAccuracy> byEngine) {
        List<WordAccuracy> a = List.copyOf(byEngine.values());
        return Table.create(
                "word accuracy vs ground truth",
                StringColumn.create("engine", List.copyOf(byEngine.keySet())),
                LongColumn.create(
                        "images", a.stream().mapToLong(WordAccuracy::images).toArray()),
                LongColumn.create(
                        "truth_words",
                        a.stream().mapToLong(WordAccuracy::truthWords).toArray()),
                LongColumn.create(
                        "spotted_words",
                        a.stream().mapToLong(WordAccuracy::spottedWords).toArray()),
                DoubleColumn.create(
                        "precision",
                        a.stream().mapToDouble(WordAccuracy::precision).toArray()),
                DoubleColumn.create(
                        "recall", a.stream().mapToDouble(WordAccuracy::recall).toArray()),
                DoubleColumn.create(
                        "precision_caseless",
                        a.stream().mapToDouble(WordAccuracy::precisionCaseless).toArray()),
                DoubleColumn.create(
                        "recall_caseless",
                        a.stream().mapToDouble(WordAccuracy::recallCaseless).toArray()),
                DoubleColumn.create(
                        "text_rate_truth",
                        a.stream().mapToDouble(WordAccuracy::textRateTruth).toArray()),
                DoubleColumn.create(
                        "text_rate_spotted",
                        a.stream().mapToDouble(WordAccuracy::textRateSpotted).toArray()),
                DoubleColumn.create(
                        "text_rate_error",
                        a.stream().mapToDouble(WordAccuracy::textRateError).toArray()));
    }

    /** @return the counts and rates as JSON (snake_case) */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("images", images);
        o.addProperty("truth_words", truthWords);
        o.addProperty("spotted_words", spottedWords);
        o.addProperty("matched_exact", matchedExact);
        o.addProperty("matched_caseless", matchedCaseless);
        o.addProperty("precision", precision());
        o.addProperty("recall", recall());
        o.addProperty("precision_caseless", precisionCaseless());
        o.addProperty("recall_caseless", recallCaseless());
        o.addProperty("text_rate_truth", textRateTruth());
        o.addProperty("text_rate_spotted", textRateSpotted());
        return o;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "P %.3f R %.3f (caseless P %.3f R %.3f) over %d images, %d true / %d spotted words",
                precision(),
                recall(),
                precisionCaseless(),
                recallCaseless(),
                images,
                truthWords,
                spottedWords);
    }
}
