package org.parrotscope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parrotscope.curate.ClusterAssignments;
import org.parrotscope.curate.CurationInputs;
import org.parrotscope.parrot.StatsColumns;

/**
 * The curation candidates of {@link CurationInputs} as a DataFrame: one row per sample with a successful OCR
 * record in the Parquet files of {@code spark ocr}, with the text flag, CoTR (exact matching, Algorithm 1) and
 * category, then joined by key with the CSV outputs of {@code score}, {@code ablate}, {@code cluster} and an
 * aesthetic file. A value that was not joined is null (the library's NaN, or cluster -1), so it fails every
 * comparison, as on one machine. Columns: {@code key, shard, has_text, cotr, category, clip_score, rsa, rsc,
 * cluster, aesthetic}.
 */
public final class SparkCandidates {

    /** Column names. */
    public static final String KEY = "key";
    /** Shard name. */
    public static final String SHARD = "shard";
    /** Spotted text. */
    public static final String HAS_TEXT = "has_text";
    /** CoTR under exact matching, 0 without text. */
    public static final String COTR = "cotr";
    /** Three-way category under exact matching. */
    public static final String CATEGORY = "category";
    /** Raw CLIP score. */
    public static final String CLIP_SCORE = "clip_score";
    /** RSA. */
    public static final String RSA = "rsa";
    /** RSC. */
    public static final String RSC = "rsc";
    /** Cluster. */
    public static final String CLUSTER = "cluster";
    /** Aesthetic score. */
    public static final String AESTHETIC = "aesthetic";

    private SparkCandidates() {}

    /**
     * Candidates from the Parquet files of the named shards ({@code <parquet>/<shard>.parquet}); with several rows
     * for one key the first shard in the given order wins, as in {@link CurationInputs#fromOcr}.
     *
     * @param spark the session
     * @param parquet the output folder of {@code spark ocr} (path or URI)
     * @param shardNames the shard names, in order; empty for every file in the folder
     * @return the candidates; score columns are null
     * @throws IOException when no Parquet file is found
     */
    public static Dataset<Row> fromParquet(SparkSession spark, String parquet, List<String> shardNames)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path dir = new Path(parquet);
        FileSystem fs = dir.getFileSystem(conf);
        List<String> files = new ArrayList<>();
        List<String> order = new ArrayList<>(shardNames);
        if (shardNames.isEmpty()) {
            FileStatus[] all = fs.exists(dir) ? fs.listStatus(dir) : new FileStatus[0];
            Arrays.stream(all)
                    .map(f -> f.getPath().getName())
                    .filter(n -> n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_"))
                    .sorted()
                    .forEach(n -> order.add(n.substring(0, n.length() - ".parquet".length())));
        }
        for (String s : order) {
            Path f = new Path(dir, s + ".parquet");
            if (fs.exists(f)) {
                files.add(f.toString());
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no Parquet file of " + (shardNames.isEmpty() ? "any shard" : shardNames) + " in "
                    + parquet + " (run `parrotscope spark ocr`, or convert `ocr` output with `spark parquet`)");
        }
        Column rank = lit(order.size());
        for (int i = order.size() - 1; i >= 0; i--) {
            rank = when(col(SHARD).equalTo(order.get(i)), lit(i)).otherwise(rank);
        }
        Dataset<Row> ok = spark.read()
                .parquet(files.toArray(String[]::new))
                .where(col("error").isNull())
                .select(
                        col("key").as(KEY),
                        col("shard").as(SHARD),
                        col("has_text").as(HAS_TEXT),
                        when(col("has_text"), col("cotr_exact"))
                                .otherwise(lit(0.0))
                                .as(COTR),
                        col("category_exact").as(CATEGORY),
                        rank.as("shard_rank"));
        Dataset<Row> first = ok.withColumn(
                        "n", row_number().over(Window.partitionBy(KEY).orderBy(col("shard_rank"))))
                .where(col("n").equalTo(1))
                .drop("n", "shard_rank");
        return first.withColumn(CLIP_SCORE, lit(null).cast(DataTypes.DoubleType))
                .withColumn(RSA, lit(null).cast(DataTypes.DoubleType))
                .withColumn(RSC, lit(null).cast(DataTypes.DoubleType))
                .withColumn(CLUSTER, lit(null).cast(DataTypes.IntegerType))
                .withColumn(AESTHETIC, lit(null).cast(DataTypes.DoubleType));
    }

    /**
     * Joins raw CLIP scores ({@code key,clip_score}, a file or a folder of per-shard files).
     *
     * @param spark the session
     * @param cands candidates
     * @param csvOrDir the file or folder
     * @return new candidates
     * @throws IOException naming a file whose header differs
     */
    public static Dataset<Row> withScores(SparkSession spark, Dataset<Row> cands, String csvOrDir) throws IOException {
        Dataset<Row> s = csv(spark, csvOrDir, CurationInputs.SCORE_HEADER, "score");
        return join(cands, s.select(col("key"), num("clip_score").as("s_new")), CLIP_SCORE, "s_new");
    }

    /**
     * Joins the ablation CSV: RSA, RSC, and {@code s_raw} as the raw score where none was joined before.
     *
     * @param spark the session
     * @param cands candidates
     * @param csvOrDir the file or folder of per-shard files
     * @return new candidates
     * @throws IOException naming a file whose header differs
     */
    public static Dataset<Row> withAblation(SparkSession spark, Dataset<Row> cands, String csvOrDir)
            throws IOException {
        Dataset<Row> a = csv(spark, csvOrDir, CurationInputs.ABLATION_HEADER, "ablation")
                .select(
                        col("key"),
                        num("s_raw").as("a_raw"),
                        num("rsa").as("a_rsa"),
                        num("rsc").as("a_rsc"));
        Dataset<Row> j =
                cands.join(a, cands.col(KEY).equalTo(a.col("key")), "left").drop(a.col("key"));
        // a joined row takes the file's RSA and RSC (empty cells stay null); the raw score only fills a gap
        Column joined = col("a_raw")
                .isNotNull()
                .or(col("a_rsa").isNotNull())
                .or(col("a_rsc").isNotNull());
        return j.withColumn(RSA, when(joined, col("a_rsa")).otherwise(col(RSA)))
                .withColumn(RSC, when(joined, col("a_rsc")).otherwise(col(RSC)))
                .withColumn(
                        CLIP_SCORE, when(col(CLIP_SCORE).isNull(), col("a_raw")).otherwise(col(CLIP_SCORE)))
                .drop("a_raw", "a_rsa", "a_rsc");
    }

    /**
     * Joins cluster assignments ({@code key,cluster}).
     *
     * @param spark the session
     * @param cands candidates
     * @param csv the file of {@code cluster} or {@code spark cluster}
     * @return new candidates
     * @throws IOException naming a file whose header differs
     */
    public static Dataset<Row> withClusters(SparkSession spark, Dataset<Row> cands, String csv) throws IOException {
        Dataset<Row> c = csv(spark, csv, ClusterAssignments.HEADER, "cluster");
        return join(
                cands,
                c.select(col("key"), col("cluster").cast(DataTypes.IntegerType).as("c_new")),
                CLUSTER,
                "c_new");
    }

    /**
     * Joins aesthetic scores ({@code key,aesthetic}).
     *
     * @param spark the session
     * @param cands candidates
     * @param csv the file
     * @return new candidates
     * @throws IOException naming a file whose header differs
     */
    public static Dataset<Row> withAesthetic(SparkSession spark, Dataset<Row> cands, String csv) throws IOException {
        Dataset<Row> a = csv(spark, csv, CurationInputs.AESTHETIC_HEADER, "aesthetic");
        return join(cands, a.select(col("key"), num("aesthetic").as("x_new")), AESTHETIC, "x_new");
    }

    /** Empty cells and NaN are null: Spark orders NaN above every number, the library's NaN fails every test. */
    private static Column num(String name) {
        Column c = col(name).cast(DataTypes.DoubleType);
        return when(c.isNull().or(isnan(c)), lit(null).cast(DataTypes.DoubleType))
                .otherwise(c);
    }

    private static Dataset<Row> join(Dataset<Row> cands, Dataset<Row> values, String target, String valueCol) {
        Dataset<Row> j = cands.join(values, cands.col(KEY).equalTo(values.col("key")), "left")
                .drop(values.col("key"));
        return j.withColumn(
                        target, when(col(valueCol).isNotNull(), col(valueCol)).otherwise(col(target)))
                .drop(valueCol);
    }

    /**
     * Reads key-value CSV files: one file, or every {@code *.csv} of a folder. The header of every file must be
     * exactly {@code header}; a key repeated across files keeps the value of the last file in name order, the
     * one the library keeps.
     */
    static Dataset<Row> csv(SparkSession spark, String csvOrDir, List<String> header, String what) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path p = new Path(csvOrDir);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new IOException("no such " + what + " file or folder: " + csvOrDir);
        }
        List<String> files = new ArrayList<>();
        if (fs.getFileStatus(p).isDirectory()) {
            for (FileStatus f : fs.listStatus(p)) {
                if (f.getPath().getName().endsWith(".csv")) {
                    files.add(f.getPath().toString());
                }
            }
            files.sort(null);
            if (files.isEmpty()) {
                throw new IOException(csvOrDir + ": no " + what + " CSV files");
            }
        } else {
            files.add(p.toString());
        }
        StructType schema = new StructType();
        for (String h : header) {
            schema = schema.add(h, DataTypes.StringType, true);
        }
        for (String f : files) {
            Path fp = new Path(f);
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(fp.getFileSystem(conf).open(fp), StandardCharsets.UTF_8))) {
                String h = r.readLine();
                if (h == null || !Arrays.asList(h.strip().split(",", -1)).equals(header)) {
                    throw new IOException(f + ": header must be exactly " + String.join(",", header) + ", found "
                            + (h == null ? "an empty file" : h.strip()));
                }
            }
        }
        Dataset<Row> d = spark.read()
                .option("header", "true")
                .option("mode", "FAILFAST")
                .schema(schema)
                .csv(files.toArray(String[]::new))
                .withColumn("_file", input_file_name())
                .withColumn("_pos", monotonically_increasing_id());
        return d.withColumn(
                        "_n",
                        row_number()
                                .over(Window.partitionBy("key")
                                        .orderBy(
                                                col("_file").desc(), col("_pos").desc())))
                .where(col("_n").equalTo(1))
                .drop("_n", "_file", "_pos");
    }

    /** @return the category names the table counts, in its order */
    static List<String> categories() {
        return List.of(StatsColumns.NO_TEXT, StatsColumns.TEXT_NO_OVERLAP, StatsColumns.TEXT_OVERLAP);
    }
}
