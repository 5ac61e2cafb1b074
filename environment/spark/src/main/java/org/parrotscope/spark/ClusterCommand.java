package org.parrotscope.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.parrotscope.curate.ClusterConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spark cluster}: {@code parrotscope cluster} with Spark MLlib ({@link SparkCluster}). */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = {
            "PCA + k-means of CLIP image embeddings (from `score --embeddings`) with Spark MLlib; writes the files of"
                    + " `parrotscope cluster`: clusters.safetensors, assignments.csv (key,cluster), merged.csv."
        })
final class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "EMBEDDINGS", description = "*.embeddings.safetensors files or folders")
    List<String> embeddings;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "local output folder")
    Path out;

    @Option(names = "--k", defaultValue = "4000", description = "clusters (default ${DEFAULT-VALUE}, the paper's)")
    int k;

    @Option(
            names = "--components",
            defaultValue = "256",
            description = "PCA dimensions, 0 for none (default ${DEFAULT-VALUE})")
    int components;

    @Option(names = "--seed", defaultValue = "42", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--iterations",
            defaultValue = "300",
            description = "most k-means iterations (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(
            names = "--tolerance",
            defaultValue = "1e-4",
            description = "MLlib's tolerance: converged when no centroid moves farther (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(
            names = "--max-points-per-centroid",
            defaultValue = "256",
            description = "train on a seeded sample of about k times this many embeddings (default ${DEFAULT-VALUE})")
    int maxPoints;

    @Option(
            names = "--init",
            defaultValue = SparkCluster.INIT_PARALLEL,
            description =
                    "k-means|| (k-means++ over an oversampled candidate set) or random (default ${DEFAULT-VALUE})")
    String init;

    @Option(names = "--merge", defaultValue = "0", description = "also merge the clusters into M groups (merged.csv)")
    int merge;

    @Option(names = "--centroids", paramLabel = "FILE", description = "assign to this clusters.safetensors instead")
    Path centroids;

    @Override
    public Integer call() throws Exception {
        ClusterConfig config = ClusterConfig.builder()
                .optK(k)
                .optComponents(components)
                .optSeed(seed)
                .optMaxIterations(iterations)
                .optTolerance(tolerance)
                .optMaxPointsPerCentroid(maxPoints)
                .build();
        SparkSession spark = Sessions.getOrCreate("parrotscope cluster");
        long t0 = System.nanoTime();
        SparkCluster.Result r = SparkCluster.run(spark, embeddings, config, init, centroids, merge, out);
        PrintWriter o = spec.commandLine().getOut();
        o.println(SparkCluster.describe(r, r.model().inputDim(), (System.nanoTime() - t0) / 1e9, out));
        o.flush();
        return 0;
    }
}
