package org.parrotscope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parrotscope.curate.ClusterAssignments;
import org.parrotscope.curate.ClusterConfig;
import org.parrotscope.curate.ClusterMerge;
import org.parrotscope.curate.ClusterModel;
import org.parrotscope.curate.ClusterRun;
import org.parrotscope.curate.Embeddings;
import org.parrotscope.curate.Pca;
import org.parrotscope.util.AtomicFiles;

/**
 * {@code spark cluster}: the clustering of {@code parrotscope cluster} (paper Step 1) with Spark MLlib: PCA to
 * {@code components} dimensions ({@link PCA}), then k-means ({@link KMeans}, init {@code k-means||} or
 * {@code random}, seeded) on a seeded sample of at most {@code k × maxPointsPerCentroid} rows, then every
 * embedding assigned to its nearest centroid. Writes the single-machine files: {@code clusters.safetensors} in
 * the library's format (so {@code parrotscope cluster --centroids} assigns new data to it),
 * {@code assignments.csv} and, when asked, {@code merged.csv}.
 */
public final class SparkCluster {

    /** MLlib's scalable k-means++ (Bahmani et al.): k-means++ on an oversampled candidate set. */
    public static final String INIT_PARALLEL = "k-means||";

    /** Random initial centroids. */
    public static final String INIT_RANDOM = "random";

    private SparkCluster() {}

    /**
     * The outcome.
     *
     * @param model the clustering, in the library's form
     * @param assigned embeddings assigned
     * @param nonEmpty clusters with at least one embedding
     * @param fitted false when a saved model was used
     * @param groupOf merged group of each cluster, or null
     */
    public record Result(ClusterModel model, long assigned, int nonEmpty, boolean fitted, int[] groupOf) {}

    /**
     * Runs the clustering.
     *
     * @param spark the session
     * @param embeddings embedding files or folders (paths or Hadoop URIs)
     * @param config k, components, seed, iterations, tolerance (MLlib's: a centroid moving less than this
     *     distance has converged), training cap; its thread count is unused
     * @param init {@link #INIT_PARALLEL} or {@link #INIT_RANDOM}
     * @param saved a {@code clusters.safetensors} to assign to instead of fitting, or null
     * @param mergeGroups merge into this many groups ({@link ClusterMerge}), 0 for none
     * @param out local output folder
     * @return what was done
     * @throws IOException when an input cannot be read or an output written
     */
    public static Result run(
            SparkSession spark,
            List<String> embeddings,
            ClusterConfig config,
            String init,
            Path saved,
            int mergeGroups,
            Path out)
            throws IOException {
        if (!INIT_PARALLEL.equals(init) && !INIT_RANDOM.equals(init)) {
            throw new IllegalArgumentException("init must be " + INIT_PARALLEL + " or " + INIT_RANDOM + ": " + init);
        }
        Dataset<Row> df = EmbeddingFrame.read(spark, embeddings).cache();
        try {
            List<Row> widths = df.select(
                            size(org.apache.spark.ml.functions.vector_to_array(col(EmbeddingFrame.FEATURES), "float64"))
                                    .as("w"))
                    .distinct()
                    .collectAsList();
            if (widths.size() != 1) {
                throw new IOException("the embedding files have different widths: " + widths);
            }
            long n = df.count();
            int dim = widths.get(0).getInt(0);
            ClusterModel model = saved != null ? ClusterModel.load(saved) : fit(df, n, dim, config, init);
            if (model.inputDim() != dim) {
                throw new IllegalArgumentException(
                        "embeddings have width " + dim + ", this clustering expects " + model.inputDim());
            }
            if (saved == null) {
                model.save(out.resolve(ClusterRun.MODEL));
            }
            Dataset<Row> assigned = assign(spark, df, model).cache();
            try {
                long[] sizes = new long[model.k()];
                for (Row r : assigned.groupBy("cluster").count().collectAsList()) {
                    sizes[r.getInt(0)] = r.getLong(1);
                }
                writeAssignments(assigned, out.resolve(ClusterRun.ASSIGNMENTS));
                int nonEmpty = 0;
                for (long s : sizes) {
                    nonEmpty += s > 0 ? 1 : 0;
                }
                int[] g = null;
                if (mergeGroups > 0) {
                    g = ClusterMerge.merge(model, sizes, mergeGroups, config.seed());
                    StringBuilder sb = new StringBuilder("cluster,group\n");
                    for (int c = 0; c < g.length; c++) {
                        sb.append(c).append(',').append(g[c]).append('\n');
                    }
                    AtomicFiles.write(
                            out.resolve(ClusterRun.MERGED),
                            o -> o.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
                }
                return new Result(model, n, nonEmpty, saved == null, g);
            } finally {
                assigned.unpersist();
            }
        } finally {
            df.unpersist();
        }
    }

    /** PCA and k-means with MLlib, converted to the library's model (centred PCA, centroids in its space). */
    static ClusterModel fit(Dataset<Row> df, long n, int dim, ClusterConfig config, String init) {
        if (config.k() > n) {
            throw new IllegalArgumentException(
                    "k = " + config.k() + " clusters need at least as many embeddings, got " + n);
        }
        if (config.components() > dim) {
            throw new IllegalArgumentException(
                    "cannot keep " + config.components() + " PCA components of " + dim + "-dim embeddings");
        }
        Dataset<Row> x = df;
        String features = EmbeddingFrame.FEATURES;
        PCAModel pca = null;
        double[] mean = null;
        double totalVariance = 0;
        if (config.components() > 0) {
            pca = new PCA()
                    .setK(config.components())
                    .setInputCol(EmbeddingFrame.FEATURES)
                    .setOutputCol("projected")
                    .fit(df);
            Row stats = df.select(Summarizer.metrics("mean", "variance")
                            .summary(col(EmbeddingFrame.FEATURES))
                            .as("s"))
                    .select("s.mean", "s.variance")
                    .first();
            mean = ((Vector) stats.get(0)).toArray();
            for (double v : ((Vector) stats.get(1)).toArray()) {
                totalVariance += v;
            }
            x = pca.transform(df);
            features = "projected";
        }
        long cap = (long) config.k() * config.maxPointsPerCentroid();
        Dataset<Row> train = n > cap ? x.sample(false, Math.min(1.0, cap / (double) n), config.seed()) : x;
        KMeansModel km = new KMeans()
                .setK(config.k())
                .setSeed(config.seed())
                .setMaxIter(config.maxIterations())
                .setTol(config.tolerance())
                .setInitMode(init)
                .setFeaturesCol(features)
                .setPredictionCol("cluster")
                .fit(train);
        Vector[] centers = km.clusterCenters();
        int width = centers[0].size();
        float[] c = new float[centers.length * width];
        Pca libPca = null;
        if (pca != null) {
            DenseMatrix pc = pca.pc(); // dim × components; MLlib projects x without centring: x · pc
            float[] m = new float[dim];
            float[] comp = new float[width * dim];
            double[] shift = new double[width]; // mean · pc, subtracted so that (x - mean) · pc gives the same space
            for (int j = 0; j < width; j++) {
                for (int i = 0; i < dim; i++) {
                    comp[j * dim + i] = (float) pc.apply(i, j);
                    shift[j] += mean[i] * pc.apply(i, j);
                }
            }
            for (int i = 0; i < dim; i++) {
                m[i] = (float) mean[i];
            }
            double[] ratio = pca.explainedVariance().toArray();
            double[] variances = new double[width];
            for (int j = 0; j < width; j++) {
                variances[j] = ratio[j] * totalVariance;
            }
            libPca = new Pca(m, comp, variances);
            for (int k = 0; k < centers.length; k++) {
                for (int j = 0; j < width; j++) {
                    c[k * width + j] = (float) (centers[k].apply(j) - shift[j]);
                }
            }
        } else {
            for (int k = 0; k < centers.length; k++) {
                for (int j = 0; j < width; j++) {
                    c[k * width + j] = (float) centers[k].apply(j);
                }
            }
        }
        return new ClusterModel(
                libPca, c, centers.length, km.summary().numIter(), km.summary().trainingCost());
    }

    /** Every row's nearest centroid, computed on the executors by the library's assignment of the saved model. */
    static Dataset<Row> assign(SparkSession spark, Dataset<Row> df, ClusterModel model) {
        ModelParts parts = ModelParts.of(model);
        StructType schema = new StructType()
                .add(EmbeddingFrame.FILE, DataTypes.IntegerType, false)
                .add(EmbeddingFrame.ROW, DataTypes.IntegerType, false)
                .add(EmbeddingFrame.KEY, DataTypes.StringType, false)
                .add("cluster", DataTypes.IntegerType, false);
        return df.mapPartitions(
                (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> parts.assign(it),
                org.apache.spark.sql.Encoders.row(schema));
    }

    /** Writes {@code key,cluster} in input order (file, then row), streamed from the executors. */
    private static void writeAssignments(Dataset<Row> assigned, Path file) throws IOException {
        Iterator<Row> it = assigned.orderBy(EmbeddingFrame.FILE, EmbeddingFrame.ROW)
                .select(EmbeddingFrame.KEY, "cluster")
                .toLocalIterator();
        AtomicFiles.write(file, os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            w.write(String.join(",", ClusterAssignments.HEADER));
            w.write('\n');
            while (it.hasNext()) {
                Row r = it.next();
                w.write(quote(r.getString(0)));
                w.write(',');
                w.write(Integer.toString(r.getInt(1)));
                w.write('\n');
            }
            w.flush();
        });
    }

    /** RFC 4180 quoting as {@link ClusterAssignments#write} does it. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The arrays of a {@link ClusterModel}, serialisable for the executors. */
    private record ModelParts(float[] mean, float[] components, double[] variances, float[] centroids, int k)
            implements Serializable {

        static ModelParts of(ClusterModel m) {
            Pca p = m.pca();
            return new ModelParts(
                    p == null ? null : p.mean(),
                    p == null ? null : p.components(),
                    p == null ? null : p.variances(),
                    m.centroids(),
                    m.k());
        }

        Iterator<Row> assign(Iterator<Row> rows) {
            ClusterModel m = new ClusterModel(
                    mean == null ? null : new Pca(mean, components, variances), centroids, k, 0, Double.NaN);
            List<Row> in = new ArrayList<>();
            rows.forEachRemaining(in::add);
            if (in.isEmpty()) {
                return java.util.Collections.emptyIterator();
            }
            int dim = ((Vector) in.get(0).get(3)).size();
            float[] data = new float[in.size() * dim];
            List<String> keys = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                double[] v = ((Vector) in.get(i).get(3)).toArray();
                for (int j = 0; j < dim; j++) {
                    data[i * dim + j] = (float) v[j];
                }
                keys.add(in.get(i).getString(2));
            }
            int[] labels = m.assign(new Embeddings(keys, data, dim), 1);
            List<Row> out = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                Row r = in.get(i);
                out.add(RowFactory.create(r.getInt(0), r.getInt(1), r.getString(2), labels[i]));
            }
            return out.iterator();
        }
    }

    static String describe(Result r, int dim, double seconds, Path out) {
        Objects.requireNonNull(r);
        return String.format(
                Locale.ROOT,
                "%d embeddings (dim %d) %s %d clusters (%d non-empty, space dim %d, %d iterations) in %.1f s -> %s",
                r.assigned(),
                dim,
                r.fitted() ? "clustered into" : "assigned to",
                r.model().k(),
                r.nonEmpty(),
                r.model().dim(),
                r.model().iterations(),
                seconds,
                out);
    }
}
