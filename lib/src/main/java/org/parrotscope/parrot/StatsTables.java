package org.parrotscope.parrot;

import static org.parrotscope.parrot.StatsColumns.AREA_RATIO;
import static org.parrotscope.parrot.StatsColumns.BIN;
import static org.parrotscope.parrot.StatsColumns.BIN_HIGH;
import static org.parrotscope.parrot.StatsColumns.BIN_LOW;
import static org.parrotscope.parrot.StatsColumns.CAPTION_WORDS;
import static org.parrotscope.parrot.StatsColumns.CATEGORY;
import static org.parrotscope.parrot.StatsColumns.COTR;
import static org.parrotscope.parrot.StatsColumns.CO_AREA_RATIO;
import static org.parrotscope.parrot.StatsColumns.CO_WORDS;
import static org.parrotscope.parrot.StatsColumns.HAS_TEXT;
import static org.parrotscope.parrot.StatsColumns.IMAGES;
import static org.parrotscope.parrot.StatsColumns.IN_CAPTION;
import static org.parrotscope.parrot.StatsColumns.KEY;
import static org.parrotscope.parrot.StatsColumns.MATCHING;
import static org.parrotscope.parrot.StatsColumns.PARROT_RATE;
import static org.parrotscope.parrot.StatsColumns.SHARE;
import static org.parrotscope.parrot.StatsColumns.WORDS;
import static org.parrotscope.parrot.StatsColumns.WORDS_IN_CAPTION;
import static org.parrotscope.parrot.StatsColumns.of;
import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.countTrue;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The paper's summary tables, derived from the per-image table and the per-word table of
 * {@link ParrotStatsBuilder}. Each method returns a new table and never modifies its input, so a notebook can
 * pass a filtered per-image table (one cluster, one shard) and get that subset's statistics.
 */
public final class StatsTables {

    private StatsTables() {}

    /**
     * Table 1 for one matching.
     *
     * @param images the per-image table
     * @param m the matching
     * @return the counts and mean CoTRs
     */
    public static Table1 table1(Table images, Matching m) {
        long n = images.rowCount();
        long withText = 0;
        long parrot = 0;
        long emptyCaption = 0;
        double sumText = 0;
        if (n == 0) {
            return new Table1(m, 0, 0, 0, Double.NaN, Double.NaN, 0);
        }
        // sum(cotr) by has_text: text-free images contribute 0 to the total (Step 3 aggregation)
        Table byText = images.summarize(of(COTR, m), sum, count).by(HAS_TEXT);
        for (Row r : byText) {
            if (r.getBoolean(0)) {
                sumText = ((NumericColumn<?>) byText.column(1)).getDouble(r.getRowNumber());
                withText = Math.round(((NumericColumn<?>) byText.column(2)).getDouble(r.getRowNumber()));
            }
        }
        IntColumn co = images.intColumn(of(CO_WORDS, m));
        IntColumn cap = images.intColumn(of(CAPTION_WORDS, m));
        for (int i = 0; i < n; i++) {
            parrot += co.getInt(i) > 0 ? 1 : 0;
            emptyCaption += cap.getInt(i) == 0 ? 1 : 0;
        }
        double total = n == 0 ? Double.NaN : images.doubleColumn(of(COTR, m)).sum() / n;
        double inText = withText == 0 ? Double.NaN : sumText / withText;
        return new Table1(m, n, withText, parrot, total, inText, emptyCaption);
    }

    /**
     * Table 1 as a table: one row per statistic, one column per matching.
     *
     * @param rows Table 1 of each matching
     * @return a new table
     */
    public static Table table1Table(Map<Matching, Table1> rows) {
        StringColumn stat = StringColumn.create(
                StatsColumns.STATISTIC,
                List.of(
                        "images",
                        "images_with_text",
                        "images_with_co_emb_text",
                        "co_emb_rate_total",
                        "co_emb_rate_text_images",
                        "images_with_empty_caption"));
        Table t = Table.create("table1", stat);
        for (Matching m : Matching.values()) {
            Table1 r = rows.get(m);
            t.addColumns(DoubleColumn.create(m.label(), new double[] {
                r.images(),
                r.imagesWithText(),
                r.imagesWithCoEmbText(),
                r.coEmbRateTotal(),
                r.coEmbRateTextImages(),
                r.imagesWithEmptyCaption()
            }));
        }
        return t;
    }

    /**
     * The three-way split of Fig. 3a's pie (no text / text without overlap / text with overlap), long format.
     *
     * @param images the per-image table
     * @return a new table: matching, category, images, share
     */
    public static Table split(Table images) {
        Table out = Table.create(
                "split",
                StringColumn.create(MATCHING),
                StringColumn.create(CATEGORY),
                LongColumn.create(IMAGES),
                DoubleColumn.create(SHARE));
        for (Matching m : Matching.values()) {
            Map<String, Long> counts = countBy(images, of(CATEGORY, m));
            for (String c : List.of(StatsColumns.NO_TEXT, StatsColumns.TEXT_NO_OVERLAP, StatsColumns.TEXT_OVERLAP)) {
                long k = counts.getOrDefault(c, 0L);
                appendRow(out, m.label(), c, k, share(k, images.rowCount()));
            }
        }
        return out;
    }

    /**
     * The CoTR distribution among images with text: ten bins of width 0.1 ({@code [0.9,1.0]} closed) and a row
     * {@code =1.0} counting CoTR = 1 exactly (a subset of the last bin). Bins are computed in integers
     * ({@code floor(10·co/caption)}) so that CoTR = 0.3 lands in {@code [0.3,0.4)} despite rounding.
     *
     * @param images the per-image table
     * @return a new table: matching, bin, bin_low, bin_high, images, share (of text images)
     */
    public static Table cotrHistogram(Table images) {
        Table out = Table.create(
                "cotr_histogram",
                StringColumn.create(MATCHING),
                StringColumn.create(BIN),
                DoubleColumn.create(BIN_LOW),
                DoubleColumn.create(BIN_HIGH),
                LongColumn.create(IMAGES),
                DoubleColumn.create(SHARE));
        Table text = images.where(images.booleanColumn(HAS_TEXT).isTrue());
        for (Matching m : Matching.values()) {
            IntColumn co = text.intColumn(of(CO_WORDS, m));
            IntColumn cap = text.intColumn(of(CAPTION_WORDS, m));
            IntColumn bin = IntColumn.create(BIN, text.rowCount());
            for (int i = 0; i < text.rowCount(); i++) {
                bin.set(i, cap.getInt(i) == 0 ? 0 : Math.min(9, 10 * co.getInt(i) / cap.getInt(i)));
            }
            Map<String, Long> counts =
                    countBy(Table.create("b", text.stringColumn(KEY).copy(), bin), BIN);
            long n = text.rowCount();
            for (int b = 0; b < 10; b++) {
                long k = counts.getOrDefault(Integer.toString(b), 0L);
                String label =
                        String.format(Locale.ROOT, b == 9 ? "[%.1f,%.1f]" : "[%.1f,%.1f)", b / 10.0, (b + 1) / 10.0);
                appendHist(out, m.label(), label, b / 10.0, (b + 1) / 10.0, k, share(k, n));
            }
            long ones = 0;
            for (int i = 0; i < text.rowCount(); i++) {
                ones += cap.getInt(i) > 0 && co.getInt(i) == cap.getInt(i) ? 1 : 0;
            }
            appendHist(out, m.label(), "=1.0", 1.0, 1.0, ones, share(ones, n));
        }
        return out;
    }

    /**
     * Fig. 4a: among images with text, how many have a caption of N words sharing K words with the spotted text.
     *
     * @param images the per-image table
     * @param m the matching
     * @return a new table: caption_words, co_words, images, sorted by both
     */
    public static Table lengthVsCo(Table images, Matching m) {
        Table text = images.where(images.booleanColumn(HAS_TEXT).isTrue());
        Table t = Table.create(
                "length_vs_co_" + m.label(),
                text.intColumn(of(CAPTION_WORDS, m)).copy().setName(CAPTION_WORDS),
                text.intColumn(of(CO_WORDS, m)).copy().setName(CO_WORDS),
                text.stringColumn(KEY).copy());
        if (t.rowCount() == 0) {
            return Table.create(
                    t.name(), IntColumn.create(CAPTION_WORDS), IntColumn.create(CO_WORDS), LongColumn.create(IMAGES));
        }
        Table s = t.summarize(KEY, count).by(CAPTION_WORDS, CO_WORDS);
        LongColumn n = LongColumn.create(IMAGES, s.rowCount());
        for (int i = 0; i < s.rowCount(); i++) {
            n.set(i, Math.round(s.numberColumn(2).getDouble(i)));
        }
        Table r = Table.create(t.name(), s.intColumn(0).copy(), s.intColumn(1).copy(), n);
        return r.sortAscendingOn(CAPTION_WORDS, CO_WORDS).setName(t.name());
    }

    /**
     * Fig. 4c: spotted words binned by their box area ratio, with the rate at which a word of the bin is
     * co-emerging text ("the larger text is more likely to be parroted in the captions").
     *
     * @param words the per-word table
     * @param config the bin edges
     * @return a new table: matching, bin, bin_low, bin_high, words, words_in_caption, parrot_rate
     */
    public static Table wordAreaRates(Table words, StatsConfig config) {
        double[] e = config.areaBinEdges();
        Table out = Table.create(
                "word_area_parrot_rate",
                StringColumn.create(MATCHING),
                StringColumn.create(BIN),
                DoubleColumn.create(BIN_LOW),
                DoubleColumn.create(BIN_HIGH),
                LongColumn.create(WORDS),
                LongColumn.create(WORDS_IN_CAPTION),
                DoubleColumn.create(PARROT_RATE));
        IntColumn bin = binColumn(words.doubleColumn(AREA_RATIO), config);
        for (Matching m : Matching.values()) {
            Table t = Table.create(
                    "w",
                    bin.copy(),
                    words.booleanColumn(of(IN_CAPTION, m)).copy().setName(IN_CAPTION));
            Map<Integer, long[]> byBin = new HashMap<>();
            Table s = t.rowCount() == 0
                    ? t.emptyCopy()
                    : t.summarize(IN_CAPTION, count, countTrue).by(BIN);
            for (int i = 0; i < s.rowCount(); i++) {
                byBin.put((int) s.numberColumn(0).getDouble(i), new long[] {
                    Math.round(s.numberColumn(1).getDouble(i)),
                    Math.round(s.numberColumn(2).getDouble(i))
                });
            }
            for (int b = 0; b + 1 < e.length; b++) {
                long[] c = byBin.getOrDefault(b, new long[2]);
                Row row = out.appendRow();
                row.setString(MATCHING, m.label());
                row.setString(BIN, binLabel(e, b));
                row.setDouble(BIN_LOW, e[b]);
                row.setDouble(BIN_HIGH, e[b + 1]);
                row.setLong(WORDS, c[0]);
                row.setLong(WORDS_IN_CAPTION, c[1]);
                row.setDouble(PARROT_RATE, c[0] == 0 ? Double.NaN : (double) c[1] / c[0]);
            }
        }
        return out;
    }

    /**
     * Fig. 4b's x axis: the distribution of "Text Area Ratio: Sum(Boxes)/Image" of co-emerging words over the
     * parrot-caption images (a ratio can exceed 1 when boxes overlap; it then counts in the last bin).
     *
     * @param images the per-image table
     * @param config the bin edges
     * @return a new table: matching, bin, bin_low, bin_high, images, share (of parrot images with a known size)
     */
    public static Table coAreaHistogram(Table images, StatsConfig config) {
        double[] e = config.areaBinEdges();
        Table out = Table.create(
                "co_area_histogram",
                StringColumn.create(MATCHING),
                StringColumn.create(BIN),
                DoubleColumn.create(BIN_LOW),
                DoubleColumn.create(BIN_HIGH),
                LongColumn.create(IMAGES),
                DoubleColumn.create(SHARE));
        for (Matching m : Matching.values()) {
            Table parrot = images.where(images.intColumn(of(CO_WORDS, m))
                    .isGreaterThan(0)
                    .and(images.doubleColumn(of(CO_AREA_RATIO, m)).isNotMissing()));
            IntColumn bin = binColumn(parrot.doubleColumn(of(CO_AREA_RATIO, m)), config);
            Map<String, Long> counts =
                    countBy(Table.create("b", parrot.stringColumn(KEY).copy(), bin), BIN);
            for (int b = 0; b + 1 < e.length; b++) {
                long k = counts.getOrDefault(Integer.toString(b), 0L);
                appendHist(out, m.label(), binLabel(e, b), e[b], e[b + 1], k, share(k, parrot.rowCount()));
            }
        }
        return out;
    }

    private static IntColumn binColumn(DoubleColumn ratios, StatsConfig config) {
        IntColumn bin = IntColumn.create(BIN, ratios.size());
        for (int i = 0; i < ratios.size(); i++) {
            double r = ratios.getDouble(i);
            bin.set(i, Double.isNaN(r) ? -1 : config.areaBin(Math.min(1.0, r)));
        }
        return bin;
    }

    private static String binLabel(double[] e, int b) {
        return "[" + e[b] + "," + e[b + 1] + (b + 2 == e.length ? "]" : ")");
    }

    /** Counts rows per value of a column with {@code summarize(first column, count).by(column)}. */
    private static Map<String, Long> countBy(Table t, String column) {
        Map<String, Long> out = new HashMap<>();
        if (t.rowCount() == 0) {
            return out;
        }
        String counted = t.column(0).name().equals(column)
                ? t.column(1).name()
                : t.column(0).name();
        Table s = t.summarize(counted, count).by(column);
        Column<?> keys = s.column(0);
        for (int i = 0; i < s.rowCount(); i++) {
            out.put(keys.getString(i), Math.round(((NumericColumn<?>) s.column(1)).getDouble(i)));
        }
        return out;
    }

    private static double share(long k, long n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    private static void appendRow(Table out, String matching, String category, long k, double share) {
        Row r = out.appendRow();
        r.setString(MATCHING, matching);
        r.setString(CATEGORY, category);
        r.setLong(IMAGES, k);
        r.setDouble(SHARE, share);
    }

    private static void appendHist(
            Table out, String matching, String label, double lo, double hi, long k, double share) {
        Row r = out.appendRow();
        r.setString(MATCHING, matching);
        r.setString(BIN, label);
        r.setDouble(BIN_LOW, lo);
        r.setDouble(BIN_HIGH, hi);
        r.setLong(IMAGES, k);
        r.setDouble(SHARE, share);
    }
}
