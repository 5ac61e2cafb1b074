package org.parrotscope.parrot;

import static org.parrotscope.parrot.StatsColumns.AREA_RATIO;
import static org.parrotscope.parrot.StatsColumns.CAPTION_WORDS;
import static org.parrotscope.parrot.StatsColumns.CATEGORY;
import static org.parrotscope.parrot.StatsColumns.COTR;
import static org.parrotscope.parrot.StatsColumns.CO_AREA_RATIO;
import static org.parrotscope.parrot.StatsColumns.CO_WORDS;
import static org.parrotscope.parrot.StatsColumns.HAS_TEXT;
import static org.parrotscope.parrot.StatsColumns.IN_CAPTION;
import static org.parrotscope.parrot.StatsColumns.KEY;
import static org.parrotscope.parrot.StatsColumns.OCR_WORDS;
import static org.parrotscope.parrot.StatsColumns.SPOTTED_WORDS;
import static org.parrotscope.parrot.StatsColumns.TEXT;
import static org.parrotscope.parrot.StatsColumns.TEXT_AREA_RATIO;
import static org.parrotscope.parrot.StatsColumns.of;

import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Accumulates images one at a time (a stream of any length) into one row per image and one row per spotted
 * word, plus the n-gram counts; {@link #build()} derives the paper's tables from them. Not thread-safe.
 * Memory grows with the number of images and spotted words (the per-image and per-word tables are kept for
 * notebooks, roughly 200 bytes per image and 60 per word), so millions of images fit, LAION-2B does not.
 *
 * <pre>{@code
 * ParrotStatsBuilder b = new ParrotStatsBuilder(StatsConfig.defaults());
 * for (ImageText it : join) b.add(it);
 * ParrotStats stats = b.build();
 * stats.table1(Matching.EXACT).coEmbRateTotal();
 * }</pre>
 */
public final class ParrotStatsBuilder {

    private final StatsConfig config;
    private final Table images;
    private final Table words;
    private final NGramCounter captionUnigrams = new NGramCounter(1);
    private final NGramCounter captionBigrams = new NGramCounter(2);
    private final NGramCounter coEmbUnigrams = new NGramCounter(1);

    /**
     * An empty accumulator.
     *
     * @param config the settings
     */
    public ParrotStatsBuilder(StatsConfig config) {
        this.config = config;
        images = Table.create(
                "images",
                StringColumn.create(KEY),
                IntColumn.create(SPOTTED_WORDS),
                IntColumn.create(OCR_WORDS),
                BooleanColumn.create(HAS_TEXT),
                DoubleColumn.create(TEXT_AREA_RATIO));
        words = Table.create(
                "words", StringColumn.create(KEY), StringColumn.create(TEXT), DoubleColumn.create(AREA_RATIO));
        for (Matching m : Matching.values()) {
            images.addColumns(
                    IntColumn.create(of(CAPTION_WORDS, m)),
                    IntColumn.create(of(CO_WORDS, m)),
                    DoubleColumn.create(of(COTR, m)),
                    StringColumn.create(of(CATEGORY, m)),
                    DoubleColumn.create(of(CO_AREA_RATIO, m)));
            words.addColumns(BooleanColumn.create(of(IN_CAPTION, m)));
        }
    }

    /**
     * Adds one image.
     *
     * @param it the image's caption and spotted words
     */
    public void add(ImageText it) {
        add(ImageStats.of(it, config.matcher()), it.caption());
    }

    /**
     * Adds one image whose values were computed already (e.g. read back from a job's per-sample output).
     *
     * @param s the image's values
     * @param caption its caption, for the n-gram vocabularies
     */
    public void add(ImageStats s, String caption) {
        CoEmbText exact = s.matching(Matching.EXACT).coEmb();
        images.stringColumn(KEY).append(s.key());
        images.intColumn(SPOTTED_WORDS).append(s.spottedWords());
        images.intColumn(OCR_WORDS).append(exact.ocrWords().size());
        images.booleanColumn(HAS_TEXT).append(s.hasText());
        for (ImageStats.WordStats w : s.words()) {
            words.stringColumn(KEY).append(s.key());
            words.stringColumn(TEXT).append(w.text());
            words.doubleColumn(AREA_RATIO).append(w.areaRatio());
            for (Matching m : Matching.values()) {
                words.booleanColumn(of(IN_CAPTION, m)).append(w.inCaption().get(m));
            }
        }
        images.doubleColumn(TEXT_AREA_RATIO).append(s.textAreaRatio());
        for (Matching m : Matching.values()) {
            ImageStats.PerMatching p = s.matching(m);
            images.intColumn(of(CAPTION_WORDS, m))
                    .append(p.coEmb().captionWords().size());
            images.intColumn(of(CO_WORDS, m)).append(p.coEmb().coWords().size());
            images.doubleColumn(of(COTR, m)).append(p.coEmb().cotr());
            images.stringColumn(of(CATEGORY, m)).append(p.category());
            images.doubleColumn(of(CO_AREA_RATIO, m)).append(p.coAreaRatio());
        }
        // Step 6 vocabularies, on Algorithm 1 tokens: caption grams with repeats, co-emerging words once per image
        List<String> capTokens = PyWords.split(caption == null ? "" : caption);
        captionUnigrams.addAll(capTokens);
        captionBigrams.addAll(capTokens);
        coEmbUnigrams.addAll(List.copyOf(exact.coWords()));
    }

    /** @return the number of images added */
    public int size() {
        return images.rowCount();
    }

    /**
     * Derives all tables. The accumulator may be used further; the result holds copies.
     *
     * @return the statistics
     */
    public ParrotStats build() {
        return ParrotStats.of(
                images.copy(),
                words.copy(),
                captionUnigrams.top("caption_1gram", config.topK()),
                captionBigrams.top("caption_2gram", config.topK()),
                coEmbUnigrams.top("co_emb_1gram", config.topK()),
                config);
    }
}
