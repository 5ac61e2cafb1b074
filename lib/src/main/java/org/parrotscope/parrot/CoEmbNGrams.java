package org.parrotscope.parrot;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * N-grams of co-emerging text in the order the text spotter read it, beside the paper's Co-Emb. 1-gram vocabulary
 * ({@link ParrotStats#coEmbUnigrams()}, one count per image and word, paper Step 6).
 *
 * <p>The paper releases a Co-Emb. 1-gram list only and builds no Co-Emb. 2-grams, "since the Co-Emb. text is not
 * regularly arranged in the images" (S1 Sec. 5.2); its Fig. 7b groups the <em>caption</em> 2-grams by length. The
 * 2-grams here are ours: consecutive spotted words of one image, in the OCR engine's reading order (top to bottom,
 * left to right), both co-emerging under the given matching; a spotted word that is not in the caption breaks the
 * run. Words are Algorithm-1 tokens of each spotted word's text (Python {@code str.split()}, case kept). How much to
 * trust the order depends on the engine: for one printed line it is the line's order.
 */
public final class CoEmbNGrams {

    private CoEmbNGrams() {}

    /**
     * Counts the n-grams of runs of consecutive co-emerging spotted words.
     *
     * @param words the per-word table of {@link ParrotStats#words()}: one row per spotted word, an image's words
     *     adjacent and in OCR order, with {@link StatsColumns#KEY}, {@link StatsColumns#TEXT} and the matching's
     *     {@link StatsColumns#IN_CAPTION} column
     * @param matching which matching decides co-emerging words
     * @param n the gram length in words, at least 1 (1 counts every co-emerging word each time it is printed,
     *     unlike {@link ParrotStats#coEmbUnigrams()}, which counts a word once per image)
     * @param k how many grams to keep
     * @return a new table {@code rank, gram, count}, most frequent first, ties by text
     */
    public static Table top(Table words, Matching matching, int n, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0: " + k);
        }
        NGramCounter counter = new NGramCounter(n);
        StringColumn keys = words.stringColumn(StatsColumns.KEY);
        StringColumn texts = words.stringColumn(StatsColumns.TEXT);
        BooleanColumn co = words.booleanColumn(StatsColumns.of(StatsColumns.IN_CAPTION, matching));
        List<String> run = new ArrayList<>();
        String key = null;
        for (int i = 0; i < words.rowCount(); i++) {
            if (!keys.get(i).equals(key) || !co.get(i)) {
                counter.addAll(run); // a new image or a word the caption does not repeat ends the run
                run.clear();
                key = keys.get(i);
            }
            if (co.get(i)) {
                run.addAll(PyWords.split(texts.get(i)));
            }
        }
        counter.addAll(run);
        return counter.top("co_emb_" + n + "gram_" + matching.label(), k);
    }
}
