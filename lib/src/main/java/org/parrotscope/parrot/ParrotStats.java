package org.parrotscope.parrot;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The parrot-caption statistics of a dataset (paper Step 4, Table 1, Fig. 3a pie, Fig. 4): Table 1 for the
 * three matchings, plus the Tablesaw tables behind them for notebooks. The tables belong to this result;
 * callers that want to modify one should {@code copy()} it.
 *
 * @param table1 Table 1 per matching
 * @param images one row per image (see {@link StatsColumns}): word counts, CoTR, category, area ratios per matching
 * @param words one row per spotted word: text, box area ratio, whether it is co-emerging text per matching
 * @param table1Table Table 1 as a table (statistic × matching)
 * @param split the three-way split (no text / text without overlap / text with overlap)
 * @param cotrHistogram CoTR in bins of 0.1 among text images, plus CoTR = 1
 * @param lengthVsCo Fig. 4a counts (caption word-set size × co-emerging word count), exact matching
 * @param wordAreaRates Fig. 4c: parrot rate of spotted words per box-area bin
 * @param coAreaHistogram Fig. 4b x axis: co-emerging text area per parrot image, binned
 * @param captionUnigrams top-K caption 1-grams
 * @param captionBigrams top-K caption 2-grams
 * @param coEmbUnigrams top-K co-emerging-text 1-grams
 */
public record ParrotStats(
        Map<Matching, Table1> table1,
        Table images,
        Table words,
        Table table1Table,
        Table split,
        Table cotrHistogram,
        Table lengthVsCo,
        Table wordAreaRates,
        Table coAreaHistogram,
        Table captionUnigrams,
        Table captionBigrams,
        Table coEmbUnigrams) {

    /** Validates that every matching has a Table 1 and copies the map. */
    public ParrotStats {
        EnumMap<Matching, Table1> copy = new EnumMap<>(Matching.class);
        copy.putAll(table1);
        for (Matching m : Matching.values()) {
            Objects.requireNonNull(copy.get(m), "Table 1 missing for " + m);
        }
        table1 = Collections.unmodifiableMap(copy);
    }

    /**
     * Derives every summary from the per-image and per-word tables.
     *
     * @param images the per-image table (kept, not copied)
     * @param words the per-word table (kept, not copied)
     * @param captionUnigrams top caption 1-grams
     * @param captionBigrams top caption 2-grams
     * @param coEmbUnigrams top co-emerging 1-grams
     * @param config the bins
     * @return the statistics
     */
    public static ParrotStats of(
            Table images,
            Table words,
            Table captionUnigrams,
            Table captionBigrams,
            Table coEmbUnigrams,
            StatsConfig config) {
        Map<Matching, Table1> t1 = new EnumMap<>(Matching.class);
        for (Matching m : Matching.values()) {
            t1.put(m, StatsTables.table1(images, m));
        }
        return new ParrotStats(
                t1,
                images,
                words,
                StatsTables.table1Table(t1),
                StatsTables.split(images),
                StatsTables.cotrHistogram(images),
                StatsTables.lengthVsCo(images, Matching.EXACT),
                StatsTables.wordAreaRates(words, config),
                StatsTables.coAreaHistogram(images, config),
                captionUnigrams,
                captionBigrams,
                coEmbUnigrams);
    }

    /**
     * Table 1 of one matching.
     *
     * @param m the matching
     * @return its row
     */
    public Table1 table1(Matching m) {
        return table1.get(m);
    }

    /** @return every table by its CSV file stem, in a stable order */
    public Map<String, Table> tables() {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("table1", table1Table);
        t.put("split", split);
        t.put("cotr_histogram", cotrHistogram);
        t.put("length_vs_co_exact", lengthVsCo);
        t.put("word_area_parrot_rate", wordAreaRates);
        t.put("co_area_histogram", coAreaHistogram);
        t.put("caption_1gram", captionUnigrams);
        t.put("caption_2gram", captionBigrams);
        t.put("co_emb_1gram", coEmbUnigrams);
        t.put("images", images);
        t.put("words", words);
        return t;
    }
}
