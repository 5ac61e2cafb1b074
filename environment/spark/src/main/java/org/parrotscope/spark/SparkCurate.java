package org.parrotscope.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parrotscope.curate.Criterion;
import org.parrotscope.curate.CurationRun;
import org.parrotscope.curate.Curations;
import org.parrotscope.curate.Curator;
import org.parrotscope.curate.DebiasedRecipe;
import org.parrotscope.curate.Subset;
import org.parrotscope.curate.SubsetTooSmallException;
import org.parrotscope.util.AtomicFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code spark curate}: the curations of {@code parrotscope curate} (I, II, III, debiased; {@link Curations},
 * {@link DebiasedRecipe}) as Spark SQL over the candidates of {@link SparkCandidates}. Pools (the candidates
 * meeting each criterion) and the common sizes are the library's; the sample is drawn differently: each pool is
 * ordered by a seeded 64-bit hash of (seed, criterion id, key) and its first {@code size} keys are kept, a rule
 * that needs no pool on the driver and gives the same keys for the same seed whatever the partitioning. The
 * library's sample (a {@code java.util.Random} shuffle of the whole sorted pool) cannot be drawn that way.
 * Writes the same manifests and {@code subsets.csv}.
 */
public final class SparkCurate {

    private static final Pattern COTR = Pattern.compile("II-cotr-(eq|ge)-([0-9.]+)");
    private static final Pattern RELATIVE = Pattern.compile("III-(rsa|rsc)-(lt|ge)-([0-9.]+)");

    /** Column marking the debiased recipe's selection. */
    static final String DEBIASED = "debiased_keep";

    private SparkCurate() {}

    /**
     * The inputs of a run, as {@link CurationRun.Request} with Spark's paths.
     *
     * @param shardNames the shards to curate, in order (their Parquet files are read)
     * @param shardSpecs how manifests name the shards
     * @param parquet the {@code spark ocr} output folder
     * @param scores score CSV file or folder, or null
     * @param ablation ablation CSV file or folder, or null
     * @param clusters {@code key,cluster} CSV, or null
     * @param embeddings embedding files or folders for the debiased recipe, may be empty
     * @param aesthetic {@code key,aesthetic} CSV, or null
     * @param criteria curation names
     * @param recipe the debiased recipe's thresholds
     * @param size common size, 0 = smallest pool per curation
     * @param seed sampling seed
     * @param out local output folder
     */
    public record Request(
            List<String> shardNames,
            List<String> shardSpecs,
            String parquet,
            String scores,
            String ablation,
            String clusters,
            List<String> embeddings,
            String aesthetic,
            List<String> criteria,
            DebiasedRecipe recipe,
            int size,
            long seed,
            Path out) {

        /** Copies the lists. */
        public Request {
            shardNames = List.copyOf(shardNames);
            shardSpecs = List.copyOf(shardSpecs);
            embeddings = List.copyOf(embeddings);
            criteria = List.copyOf(criteria);
        }
    }

    /**
     * The outcome.
     *
     * @param candidates how many candidates
     * @param subsets the subsets, in criterion order
     * @param statistics the per-subset table (also {@code subsets.csv})
     * @param manifests subset id to manifest file
     */
    public record Result(long candidates, List<Subset> subsets, Table statistics, Map<String, Path> manifests) {}

    /**
     * Joins the inputs into candidates (cached; the caller unpersists).
     *
     * @param spark the session
     * @param r the request
     * @return the candidates
     * @throws IOException when an input cannot be read
     */
    public static Dataset<Row> candidates(SparkSession spark, Request r) throws IOException {
        Dataset<Row> c = SparkCandidates.fromParquet(spark, r.parquet(), r.shardNames());
        if (r.scores() != null) {
            c = SparkCandidates.withScores(spark, c, r.scores());
        }
        if (r.ablation() != null) {
            c = SparkCandidates.withAblation(spark, c, r.ablation());
        }
        if (r.clusters() != null) {
            c = SparkCandidates.withClusters(spark, c, r.clusters());
        }
        if (r.aesthetic() != null) {
            c = SparkCandidates.withAesthetic(spark, c, r.aesthetic());
        }
        return c.cache();
    }

    /**
     * Runs the curation.
     *
     * @param spark the session
     * @param r the request
     * @return the outcome
     * @throws IOException when an input cannot be read or an output written
     */
    public static Result run(SparkSession spark, Request r) throws IOException {
        Dataset<Row> cands = candidates(spark, r);
        try {
            long n = cands.count();
            Map<Criterion, Column> criteria = new LinkedHashMap<>();
            for (String name : r.criteria()) {
                if (name.strip().toLowerCase(Locale.ROOT).equals("debiased")) {
                    if (r.embeddings().isEmpty()) {
                        throw new IllegalArgumentException("the debiased recipe needs --embeddings to de-duplicate");
                    }
                    Dataset<Row> kept = SparkDebiased.kept(spark, cands, r.recipe(), r.embeddings())
                            .select(col(SparkCandidates.KEY).as("kept_key"))
                            .withColumn(DEBIASED, lit(true));
                    cands = cands.join(kept, col(SparkCandidates.KEY).equalTo(col("kept_key")), "left")
                            .drop("kept_key")
                            .cache();
                    criteria.put(
                            new Criterion("debiased", "debiased", SparkDebiased.label(r.recipe(), cands), c -> {
                                throw new UnsupportedOperationException(
                                        "the Spark selection is the column " + DEBIASED);
                            }),
                            col(DEBIASED).isNotNull());
                } else {
                    if (name.strip().equalsIgnoreCase("III") && r.ablation() == null) {
                        throw new IllegalArgumentException(
                                "Curation III needs RSA/RSC: pass --ablation (parrotscope ablate)");
                    }
                    for (Criterion c : Curations.byName(name)) {
                        criteria.put(c, column(c));
                    }
                }
            }
            List<Subset> subsets = sample(cands, criteria, r.size(), r.seed());
            Map<String, Path> files = Curator.writeManifests(subsets, r.shardSpecs(), r.out());
            Table stats = statistics(spark, cands, subsets);
            String csv = stats.write().toString("csv");
            AtomicFiles.write(r.out().resolve(CurationRun.STATS), o -> o.write(csv.getBytes(StandardCharsets.UTF_8)));
            return new Result(n, subsets, stats, files);
        } finally {
            cands.unpersist();
        }
    }

    /**
     * A library criterion as a Spark SQL condition (the same rule as its {@code test}).
     *
     * @param c a criterion of {@link Curations}
     * @return the condition over the candidate columns; null values fail it
     */
    public static Column column(Criterion c) {
        Column text = col(SparkCandidates.HAS_TEXT);
        switch (c.id()) {
            case "I-random":
                return lit(true);
            case "I-no-text":
                return not(text);
            case "I-text-only":
                return text;
            default:
                break;
        }
        Matcher m = COTR.matcher(c.id());
        if (m.matches()) {
            double t = Double.parseDouble(m.group(2));
            Column v = col(SparkCandidates.COTR);
            return text.and(m.group(1).equals("eq") ? v.equalTo(t) : v.geq(t));
        }
        m = RELATIVE.matcher(c.id());
        if (m.matches()) {
            Column v = col(m.group(1));
            double t = Double.parseDouble(m.group(3));
            return text.and(m.group(2).equals("lt") ? v.lt(t) : v.geq(t));
        }
        throw new IllegalArgumentException("no Spark condition for criterion " + c.id());
    }

    /**
     * Pools, common sizes (the library's rules, including its error for too-small pools) and hash samples.
     *
     * @param cands the candidates
     * @param criteria criteria and their conditions, in order
     * @param size the common size, or 0 for the smallest pool of each curation
     * @param seed the seed
     * @return the subsets
     */
    static List<Subset> sample(Dataset<Row> cands, Map<Criterion, Column> criteria, int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("subset size must be >= 0, got " + size);
        }
        // every pool counted in one pass over the candidates
        List<Column> counts = new ArrayList<>();
        criteria.values().forEach(cond -> counts.add(count_if(cond)));
        Row counted = cands.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new))
                .first();
        Map<Criterion, Long> pools = new LinkedHashMap<>();
        int at = 0;
        for (Criterion c : criteria.keySet()) {
            pools.put(c, counted.getLong(at++));
        }
        Map<String, Long> familySize = new LinkedHashMap<>();
        pools.forEach((c, k) -> familySize.merge(c.family(), size > 0 ? (long) size : k, Math::min));
        Map<String, Integer> shortfalls = new LinkedHashMap<>();
        pools.forEach((c, k) -> {
            long want = familySize.get(c.family());
            if (k < want || want == 0) {
                shortfalls.put(c.label() + " (" + c.id() + ")", (int) (long) k);
            }
        });
        if (!shortfalls.isEmpty()) {
            throw new SubsetTooSmallException(Math.max(size, 1), shortfalls);
        }
        List<Subset> out = new ArrayList<>();
        for (Map.Entry<Criterion, Column> e : criteria.entrySet()) {
            Criterion c = e.getKey();
            int want = (int) (long) familySize.get(c.family());
            List<String> keys = new ArrayList<>();
            cands.where(e.getValue())
                    .select(col(SparkCandidates.KEY))
                    .orderBy(xxhash64(lit(seed), lit(c.id()), col(SparkCandidates.KEY)), col(SparkCandidates.KEY))
                    .limit(want)
                    .collectAsList()
                    .forEach(row -> keys.add(row.getString(0)));
            keys.sort(null);
            out.add(new Subset(c, (int) (long) pools.get(c), keys));
        }
        return out;
    }

    /**
     * {@link Curator#statistics} in Spark SQL: the subsets' keys joined with the candidates, one grouped
     * aggregation (means skip missing values, as the library's do).
     *
     * @param spark the session
     * @param cands the candidates
     * @param subsets the subsets
     * @return the table, same columns and order as the library's
     */
    static Table statistics(SparkSession spark, Dataset<Row> cands, List<Subset> subsets) {
        List<Row> members = new ArrayList<>();
        for (Subset s : subsets) {
            for (String k : s.keys()) {
                members.add(RowFactory.create(s.criterion().id(), k));
            }
        }
        Dataset<Row> m = spark.createDataFrame(
                members, new StructType().add("subset", DataTypes.StringType).add("m_key", DataTypes.StringType));
        Map<String, Row> agg = new HashMap<>();
        for (Row r : m.join(cands, col("m_key").equalTo(col(SparkCandidates.KEY)))
                .groupBy("subset")
                .agg(
                        avg(when(col(SparkCandidates.HAS_TEXT), 1.0).otherwise(0.0)),
                        avg(col(SparkCandidates.COTR)),
                        avg(col(SparkCandidates.CLIP_SCORE)),
                        avg(col(SparkCandidates.RSA)),
                        avg(col(SparkCandidates.RSC)))
                .collectAsList()) {
            agg.put(r.getString(0), r);
        }
        Table t = Table.create(
                "curated subsets",
                StringColumn.create(Curator.SUBSET),
                StringColumn.create(Curator.FAMILY),
                StringColumn.create(Curator.LABEL),
                IntColumn.create(Curator.POOL),
                IntColumn.create(Curator.SIZE),
                DoubleColumn.create(Curator.TEXT_RATE),
                DoubleColumn.create(Curator.MEAN_COTR),
                DoubleColumn.create(Curator.AVG_S),
                DoubleColumn.create(Curator.MEAN_RSA),
                DoubleColumn.create(Curator.MEAN_RSC));
        for (Subset s : subsets) {
            Row r = agg.get(s.criterion().id());
            t.stringColumn(Curator.SUBSET).append(s.criterion().id());
            t.stringColumn(Curator.FAMILY).append(s.criterion().family());
            t.stringColumn(Curator.LABEL).append(s.criterion().label());
            t.intColumn(Curator.POOL).append(s.pool());
            t.intColumn(Curator.SIZE).append(s.keys().size());
            for (int i = 1; i <= 5; i++) {
                t.doubleColumn(4 + i).append(r == null || r.isNullAt(i) ? Double.NaN : r.getDouble(i));
            }
        }
        return t;
    }
}
