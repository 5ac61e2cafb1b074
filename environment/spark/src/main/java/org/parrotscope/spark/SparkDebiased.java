package org.parrotscope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parrotscope.curate.DebiasedRecipe;
import scala.Tuple2;

/**
 * The debiased recipe ({@link DebiasedRecipe}, paper Step 12) in Spark: the filter as a SQL condition, then the
 * greedy de-duplication within each cluster on the executors, one cluster per group. The arithmetic (float
 * unit vectors, products summed in double) and the visiting order (decreasing CLIP score, then key) are the
 * library's, so the same images are kept.
 */
final class SparkDebiased {

    private SparkDebiased() {}

    private static boolean hasAesthetic(Dataset<Row> cands) {
        return !cands.where(col(SparkCandidates.AESTHETIC).isNotNull()).isEmpty();
    }

    /** The label {@link DebiasedRecipe#criterion} gives. */
    static String label(DebiasedRecipe r, Dataset<Row> cands) {
        boolean aesthetic = hasAesthetic(cands);
        return String.format(
                Locale.ROOT,
                "no text, S > %.3f%s, dedup cos < %.2f",
                r.minScore(),
                aesthetic ? String.format(Locale.ROOT, ", aesthetic > %.1f", r.minAesthetic()) : "",
                r.dedupCosine());
    }

    /**
     * The kept samples.
     *
     * @param spark the session
     * @param cands candidates with scores and clusters joined
     * @param recipe the thresholds
     * @param embeddings embedding files or folders
     * @return one column, {@code key}
     * @throws IOException when the embeddings cannot be read
     */
    static Dataset<Row> kept(SparkSession spark, Dataset<Row> cands, DebiasedRecipe recipe, List<String> embeddings)
            throws IOException {
        if (cands.where(col(SparkCandidates.CLIP_SCORE).isNotNull()).isEmpty()) {
            throw new IllegalArgumentException("the debiased recipe needs CLIP scores (--scores or --ablation)");
        }
        if (cands.where(col(SparkCandidates.CLUSTER).isNotNull()).isEmpty()) {
            throw new IllegalArgumentException("the debiased recipe needs cluster assignments (--clusters)");
        }
        Column pass = not(col(SparkCandidates.HAS_TEXT))
                .and(col(SparkCandidates.CLIP_SCORE).gt(recipe.minScore()))
                .and(col(SparkCandidates.CLUSTER).isNotNull());
        if (hasAesthetic(cands)) {
            pass = pass.and(col(SparkCandidates.AESTHETIC).gt(recipe.minAesthetic()));
        }
        Dataset<Row> e = EmbeddingFrame.read(spark, embeddings)
                .select(col(EmbeddingFrame.KEY).as("e_key"), col(EmbeddingFrame.FEATURES));
        Dataset<Row> joined = cands.where(pass)
                .select(SparkCandidates.KEY, SparkCandidates.CLUSTER, SparkCandidates.CLIP_SCORE)
                .join(e, col(SparkCandidates.KEY).equalTo(col("e_key")), "left")
                .cache();
        List<Row> missing = joined.where(col("e_key").isNull()).limit(1).collectAsList();
        if (!missing.isEmpty()) {
            joined.unpersist();
            throw new IllegalArgumentException("no embedding for sample "
                    + missing.get(0).getString(0) + " (pass the embeddings of every scored shard with --embeddings)");
        }
        double cosine = recipe.dedupCosine();
        JavaRDD<Row> keep = joined.javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getInt(1), r))
                .groupByKey()
                .flatMap(g -> dedup(g._2(), cosine).iterator());
        return spark.createDataFrame(keep, new StructType().add(SparkCandidates.KEY, DataTypes.StringType, false));
    }

    /** One cluster's greedy pass: rows (key, cluster, score, _, features). */
    private static List<Row> dedup(Iterable<Row> group, double cosine) {
        List<Row> rows = new ArrayList<>();
        group.forEach(rows::add);
        rows.sort(Comparator.<Row>comparingDouble(r -> -r.getDouble(2)).thenComparing(r -> r.getString(0)));
        List<float[]> vectors = new ArrayList<>(rows.size());
        for (Row r : rows) {
            double[] d = ((Vector) r.get(4)).toArray();
            float[] v = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                v[i] = (float) d[i];
            }
            vectors.add(v);
        }
        List<Row> out = new ArrayList<>();
        for (int i : DebiasedRecipe.distinct(vectors, cosine)) {
            out.add(RowFactory.create(rows.get(i).getString(0)));
        }
        return out;
    }
}
