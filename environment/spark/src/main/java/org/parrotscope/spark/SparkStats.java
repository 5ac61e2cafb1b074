package org.parrotscope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.parrotscope.parrot.Matching;
import org.parrotscope.parrot.ParrotStats;
import org.parrotscope.parrot.PyWords;
import org.parrotscope.parrot.StatsColumns;
import org.parrotscope.parrot.StatsConfig;
import org.parrotscope.parrot.StatsTables;
import org.parrotscope.parrot.Table1;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code spark stats}: the parrot-caption statistics (Table 1, the three-way split, the CoTR histogram,
 * Fig. 4a-c, the n-gram vocabularies) as Spark SQL over the per-sample Parquet files of {@link SparkOcrJob}.
 * Only grouped counts and sums reach the driver; the tables are laid out exactly as the single-machine
 * {@code stats} lays them out ({@link StatsTables}), so both write the same CSV files. Rows whose OCR failed are
 * left out, as the single-machine join leaves them out.
 */
public final class SparkStats {

    private SparkStats() {}

    /**
     * Computes the statistics.
     *
     * @param spark the session
     * @param parquet the folder of per-shard Parquet files
     * @param config bins and top-K (its matcher must be the one the OCR job used: the defaults)
     * @return the statistics; its per-image and per-word tables are empty (at scale those rows stay in the
     *     Parquet files)
     */
    public static ParrotStats compute(SparkSession spark, String parquet, StatsConfig config) {
        return compute(spark, spark.read().parquet(parquet), config);
    }

    /**
     * Computes the statistics over rows of the Parquet schema read (and perhaps filtered) by the caller.
     *
     * @param spark the session
     * @param rows rows of {@link SampleSchema}
     * @param config bins and top-K (its matcher must be the one the OCR job used: the defaults)
     * @return the statistics, as {@link #compute(SparkSession, String, StatsConfig)}
     */
    public static ParrotStats compute(SparkSession spark, Dataset<Row> rows, StatsConfig config) {
        registerUdfs(spark, config);
        Dataset<Row> ok = rows.where(col("error").isNull()).cache();
        ok.createOrReplaceTempView("ps_images");
        Dataset<Row> words =
                ok.select(explode(col("words")).as("w")).select("w.*").cache();
        words.createOrReplaceTempView("ps_words");
        Map<Matching, Table1> t1 = new EnumMap<>(Matching.class);
        for (Matching m : Matching.values()) {
            t1.put(m, table1(spark, m));
        }
        ParrotStats stats = new ParrotStats(
                t1,
                Table.create("images"),
                Table.create("words"),
                StatsTables.table1Table(t1),
                split(spark, t1),
                cotrHistogram(spark),
                lengthVsCo(spark, Matching.EXACT),
                wordAreaRates(spark, config),
                coAreaHistogram(spark, config),
                top(spark, "caption_1gram", "SELECT explode(ps_tokens(caption)) AS g FROM ps_images", config),
                top(spark, "caption_2gram", "SELECT explode(ps_bigrams(caption)) AS g FROM ps_images", config),
                top(spark, "co_emb_1gram", "SELECT explode(co_words_exact) AS g FROM ps_images", config));
        words.unpersist();
        ok.unpersist();
        return stats;
    }

    private static void registerUdfs(SparkSession spark, StatsConfig config) {
        // Algorithm 1 tokens exactly as the library splits them (Python's str.split), not Spark's split()
        spark.udf()
                .register(
                        "ps_tokens",
                        (UDF1<String, List<String>>) PyWords::split,
                        DataTypes.createArrayType(DataTypes.StringType));
        spark.udf()
                .register(
                        "ps_bigrams",
                        (UDF1<String, List<String>>) SparkStats::bigrams,
                        DataTypes.createArrayType(DataTypes.StringType));
        spark.udf().register("ps_area_bin", new AreaBin(config.areaBinEdges()), DataTypes.IntegerType);
    }

    /** The library's area binning ({@link StatsConfig#areaBin}) as a UDF; ships the edges, not the config. */
    private static final class AreaBin implements UDF1<Double, Integer> {
        private static final long serialVersionUID = 1L;
        private final double[] edges;
        private transient StatsConfig config;

        AreaBin(double[] edges) {
            this.edges = edges.clone();
        }

        @Override
        public Integer call(Double r) {
            if (r == null || Double.isNaN(r)) {
                return -1;
            }
            if (config == null) {
                config = StatsConfig.builder().optAreaBinEdges(edges).build();
            }
            return config.areaBin(Math.min(1.0, r));
        }
    }

    private static List<String> bigrams(String caption) {
        List<String> t = PyWords.split(caption);
        List<String> out = new ArrayList<>(Math.max(0, t.size() - 1));
        for (int i = 0; i + 1 < t.size(); i++) {
            out.add(t.get(i) + " " + t.get(i + 1));
        }
        return out;
    }

    private static Table1 table1(SparkSession spark, Matching m) {
        String s = m.label();
        Row r = spark.sql(String.format(
                        Locale.ROOT,
                        "SELECT count(*), count_if(has_text), count_if(size(co_words_%1$s) > 0),"
                                + " sum(cotr_%1$s), sum(CASE WHEN has_text THEN cotr_%1$s ELSE 0 END),"
                                + " count_if(caption_words_%1$s = 0) FROM ps_images",
                        s))
                .first();
        long n = r.getLong(0);
        if (n == 0) {
            return new Table1(m, 0, 0, 0, Double.NaN, Double.NaN, 0);
        }
        long withText = r.getLong(1);
        double total = r.getDouble(3) / n;
        double inText = withText == 0 ? Double.NaN : r.getDouble(4) / withText;
        return new Table1(m, n, withText, r.getLong(2), total, inText, r.getLong(5));
    }

    private static Map<String, Long> counts(SparkSession spark, String sql) {
        Map<String, Long> out = new HashMap<>();
        for (Row r : spark.sql(sql).collectAsList()) {
            out.put(String.valueOf(r.get(0)), r.getLong(1));
        }
        return out;
    }

    private static Table split(SparkSession spark, Map<Matching, Table1> t1) {
        Table out = Table.create(
                "split",
                StringColumn.create(StatsColumns.MATCHING),
                StringColumn.create(StatsColumns.CATEGORY),
                LongColumn.create(StatsColumns.IMAGES),
                DoubleColumn.create(StatsColumns.SHARE));
        for (Matching m : Matching.values()) {
            Map<String, Long> c =
                    counts(spark, "SELECT category_" + m.label() + ", count(*) FROM ps_images GROUP BY 1");
            long n = t1.get(m).images();
            for (String cat : List.of(StatsColumns.NO_TEXT, StatsColumns.TEXT_NO_OVERLAP, StatsColumns.TEXT_OVERLAP)) {
                long k = c.getOrDefault(cat, 0L);
                out.stringColumn(0).append(m.label());
                out.stringColumn(1).append(cat);
                out.longColumn(2).append(k);
                out.doubleColumn(3).append(share(k, n));
            }
        }
        return out;
    }

    private static Table histogramTable(String name) {
        return Table.create(
                name,
                StringColumn.create(StatsColumns.MATCHING),
                StringColumn.create(StatsColumns.BIN),
                DoubleColumn.create(StatsColumns.BIN_LOW),
                DoubleColumn.create(StatsColumns.BIN_HIGH),
                LongColumn.create(StatsColumns.IMAGES),
                DoubleColumn.create(StatsColumns.SHARE));
    }

    private static void appendHist(Table t, String m, String label, double lo, double hi, long k, long n) {
        t.stringColumn(0).append(m);
        t.stringColumn(1).append(label);
        t.doubleColumn(2).append(lo);
        t.doubleColumn(3).append(hi);
        t.longColumn(4).append(k);
        t.doubleColumn(5).append(share(k, n));
    }

    private static Table cotrHistogram(SparkSession spark) {
        Table out = histogramTable("cotr_histogram");
        for (Matching m : Matching.values()) {
            String co = "size(co_words_" + m.label() + ")";
            String cap = "caption_words_" + m.label();
            // the same integer binning as the single-machine table: floor(10·co/caption), at most 9
            Map<String, Long> c = counts(
                    spark,
                    "SELECT CASE WHEN " + cap + " = 0 THEN 0 ELSE least(9, (10 * " + co + ") div " + cap
                            + ") END, count(*) FROM ps_images WHERE has_text GROUP BY 1");
            Row r = spark.sql("SELECT count(*), count_if(" + cap + " > 0 AND " + co + " = " + cap
                            + ") FROM ps_images WHERE has_text")
                    .first();
            long n = r.getLong(0);
            for (int b = 0; b < 10; b++) {
                String label =
                        String.format(Locale.ROOT, b == 9 ? "[%.1f,%.1f]" : "[%.1f,%.1f)", b / 10.0, (b + 1) / 10.0);
                appendHist(out, m.label(), label, b / 10.0, (b + 1) / 10.0, c.getOrDefault(Integer.toString(b), 0L), n);
            }
            appendHist(out, m.label(), "=1.0", 1.0, 1.0, r.getLong(1), n);
        }
        return out;
    }

    private static Table lengthVsCo(SparkSession spark, Matching m) {
        String s = m.label();
        IntColumn cap = IntColumn.create(StatsColumns.CAPTION_WORDS);
        IntColumn co = IntColumn.create(StatsColumns.CO_WORDS);
        LongColumn n = LongColumn.create(StatsColumns.IMAGES);
        for (Row r : spark.sql("SELECT caption_words_" + s + " AS a, size(co_words_" + s + ") AS b, count(*)"
                        + " FROM ps_images WHERE has_text GROUP BY 1, 2 ORDER BY 1, 2")
                .collectAsList()) {
            cap.append(r.getInt(0));
            co.append(r.getInt(1));
            n.append(r.getLong(2));
        }
        return Table.create("length_vs_co_" + s, cap, co, n);
    }

    private static String binLabel(double[] e, int b) {
        return "[" + e[b] + "," + e[b + 1] + (b + 2 == e.length ? "]" : ")");
    }

    private static Table wordAreaRates(SparkSession spark, StatsConfig config) {
        double[] e = config.areaBinEdges();
        Table out = Table.create(
                "word_area_parrot_rate",
                StringColumn.create(StatsColumns.MATCHING),
                StringColumn.create(StatsColumns.BIN),
                DoubleColumn.create(StatsColumns.BIN_LOW),
                DoubleColumn.create(StatsColumns.BIN_HIGH),
                LongColumn.create(StatsColumns.WORDS),
                LongColumn.create(StatsColumns.WORDS_IN_CAPTION),
                DoubleColumn.create(StatsColumns.PARROT_RATE));
        for (Matching m : Matching.values()) {
            Map<Integer, long[]> byBin = new HashMap<>();
            for (Row r : spark.sql("SELECT ps_area_bin(area_ratio), count(*), count_if(in_caption_" + m.label()
                            + ") FROM ps_words GROUP BY 1")
                    .collectAsList()) {
                byBin.put(r.getInt(0), new long[] {r.getLong(1), r.getLong(2)});
            }
            for (int b = 0; b + 1 < e.length; b++) {
                long[] c = byBin.getOrDefault(b, new long[2]);
                out.stringColumn(0).append(m.label());
                out.stringColumn(1).append(binLabel(e, b));
                out.doubleColumn(2).append(e[b]);
                out.doubleColumn(3).append(e[b + 1]);
                out.longColumn(4).append(c[0]);
                out.longColumn(5).append(c[1]);
                out.doubleColumn(6).append(c[0] == 0 ? Double.NaN : (double) c[1] / c[0]);
            }
        }
        return out;
    }

    private static Table coAreaHistogram(SparkSession spark, StatsConfig config) {
        double[] e = config.areaBinEdges();
        Table out = histogramTable("co_area_histogram");
        for (Matching m : Matching.values()) {
            String where = " FROM ps_images WHERE size(co_words_" + m.label() + ") > 0 AND NOT isnan(co_area_ratio_"
                    + m.label() + ")";
            Map<String, Long> c = counts(
                    spark, "SELECT ps_area_bin(co_area_ratio_" + m.label() + "), count(*)" + where + " GROUP BY 1");
            long n = spark.sql("SELECT count(*)" + where).first().getLong(0);
            for (int b = 0; b + 1 < e.length; b++) {
                appendHist(out, m.label(), binLabel(e, b), e[b], e[b + 1], c.getOrDefault(Integer.toString(b), 0L), n);
            }
        }
        return out;
    }

    /**
     * The K most frequent grams, ties broken by the gram's text as the single-machine counter does: Spark finds
     * the K-th largest count, and every gram at least that frequent is sorted here with Java's string order.
     */
    private static Table top(SparkSession spark, String name, String gramsSql, StatsConfig config) {
        spark.sql(gramsSql).createOrReplaceTempView("ps_grams");
        Dataset<Row> counted = spark.sql("SELECT g, count(*) AS c FROM ps_grams GROUP BY g");
        counted.createOrReplaceTempView("ps_gram_counts");
        List<Row> kth = spark.sql("SELECT c FROM ps_gram_counts ORDER BY c DESC LIMIT " + config.topK())
                .collectAsList();
        IntColumn rank = IntColumn.create("rank");
        StringColumn gram = StringColumn.create(StatsColumns.GRAM);
        LongColumn count = LongColumn.create(StatsColumns.COUNT);
        if (!kth.isEmpty()) {
            long min = kth.get(kth.size() - 1).getLong(0);
            List<Row> rows = new ArrayList<>(spark.sql("SELECT g, c FROM ps_gram_counts WHERE c >= " + min)
                    .collectAsList());
            rows.sort(Comparator.<Row>comparingLong(r -> -r.getLong(1)).thenComparing(r -> r.getString(0)));
            for (int i = 0; i < Math.min(config.topK(), rows.size()); i++) {
                rank.append(i + 1);
                gram.append(rows.get(i).getString(0));
                count.append(rows.get(i).getLong(1));
            }
        }
        return Table.create(name, rank, gram, count);
    }

    private static double share(long k, long n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }
}
