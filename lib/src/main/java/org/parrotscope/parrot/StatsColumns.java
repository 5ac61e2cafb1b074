package org.parrotscope.parrot;

/**
 * Every column name of the parrot statistics tables and CSV files, in one place. Per-matching columns end in
 * the matching's label ({@link #of(String, Matching)}: {@code cotr_exact}, {@code cotr_normalized}, ...).
 */
public final class StatsColumns {

    private StatsColumns() {}

    /** Sample key. */
    public static final String KEY = "key";
    /** Which matching a row of a long-format table belongs to ({@code exact}, {@code normalized}, {@code fuzzy}). */
    public static final String MATCHING = "matching";
    /** Caption word-set size under the matching (per-matching prefix). */
    public static final String CAPTION_WORDS = "caption_words";
    /** Spotted-text word-set size (Algorithm 1 tokens). */
    public static final String OCR_WORDS = "ocr_words";
    /** Number of spotted words (boxes). */
    public static final String SPOTTED_WORDS = "spotted_words";
    /** True when the OCR found text. */
    public static final String HAS_TEXT = "has_text";
    /** Co-emerging word count (per-matching prefix). */
    public static final String CO_WORDS = "co_words";
    /** CoTR (per-matching prefix). */
    public static final String COTR = "cotr";
    /** Three-way category (per-matching prefix): {@link #NO_TEXT}, {@link #TEXT_NO_OVERLAP}, {@link #TEXT_OVERLAP}. */
    public static final String CATEGORY = "category";
    /** Sum of all spotted boxes / image area. */
    public static final String TEXT_AREA_RATIO = "text_area_ratio";
    /**
     * Sum of co-emerging word boxes / image area (per-matching prefix; Fig. 4b "Text Area Ratio: Sum(Boxes)/Image").
     */
    public static final String CO_AREA_RATIO = "co_area_ratio";
    /** One spotted word's box / image area (Fig. 4c "AreaRatio: Box/Image"). */
    public static final String AREA_RATIO = "area_ratio";
    /** The spotted word's text. */
    public static final String TEXT = "text";
    /** True when the spotted word is co-emerging text (per-matching prefix). */
    public static final String IN_CAPTION = "in_caption";

    /** Category: the OCR found no text. */
    public static final String NO_TEXT = "no_text";
    /** Category: text, but no word shared with the caption. */
    public static final String TEXT_NO_OVERLAP = "text_no_overlap";
    /** Category: text sharing at least one word with the caption (parrot caption). */
    public static final String TEXT_OVERLAP = "text_overlap";

    /** Summary tables: row label / statistic name. */
    public static final String STATISTIC = "statistic";
    /** Summary tables: a count of images. */
    public static final String IMAGES = "images";
    /** Summary tables: a share of images in [0, 1]. */
    public static final String SHARE = "share";
    /** Histogram tables: bin lower edge (inclusive). */
    public static final String BIN_LOW = "bin_low";
    /** Histogram tables: bin upper edge (exclusive, except the last bin). */
    public static final String BIN_HIGH = "bin_high";
    /** Histogram tables: human label of the bin, e.g. {@code [0.1,0.2)}. */
    public static final String BIN = "bin";
    /** Fig. 4c table: number of spotted words in the bin. */
    public static final String WORDS = "words";
    /** Fig. 4c table: words in the bin that are co-emerging text. */
    public static final String WORDS_IN_CAPTION = "words_in_caption";
    /** Fig. 4c table: the rate at which words in the bin are co-emerging text. */
    public static final String PARROT_RATE = "parrot_rate";
    /** N-gram tables: the gram. */
    public static final String GRAM = "gram";
    /** N-gram tables: its count. */
    public static final String COUNT = "count";

    /**
     * A per-matching column name.
     *
     * @param base a base name such as {@link #COTR}
     * @param m the matching
     * @return {@code base + "_" + m.label()}
     */
    public static String of(String base, Matching m) {
        return base + "_" + m.label();
    }
}
