package org.parrotscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.curate.ClusterConfig;
import org.parrotscope.curate.ClusterRun;
import org.parrotscope.curate.Embeddings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parrotscope cluster}: PCA + k-means of CLIP image embeddings (paper Step 1), or assignment to a saved
 * clustering; writes the model, {@code key,cluster} assignments and optionally a merge into M groups.
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description =
                "PCA + k-means of CLIP image embeddings (from `score --embeddings`): centroids + key,cluster CSV.")
public final class ClusterCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "EMBEDDINGS",
            description = "*.embeddings.safetensors files or folders holding them")
    List<Path> embeddings;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--k", defaultValue = "4000", description = "Clusters (default ${DEFAULT-VALUE}, the paper's).")
    int k;

    @Option(
            names = "--components",
            defaultValue = "256",
            description = "PCA dimensions, 0 for none (default ${DEFAULT-VALUE}, the paper's).")
    int components;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--iterations",
            defaultValue = "300",
            description = "Most Lloyd iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--tolerance",
            defaultValue = "1e-4",
            description = "Relative centroid-shift tolerance (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(
            names = "--max-points-per-centroid",
            defaultValue = "256",
            description = "Train on at most k times this many embeddings (default ${DEFAULT-VALUE}).")
    int maxPoints;

    @Option(names = "--merge", defaultValue = "0", description = "Also merge the clusters into M groups (merged.csv).")
    int merge;

    @Option(
            names = "--centroids",
            paramLabel = "FILE",
            description = "Assign to this saved clusters.safetensors instead of fitting.")
    Path centroids;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        Embeddings e = Embeddings.read(embeddings);
        ClusterConfig.Builder b = ClusterConfig.builder()
                .optK(k)
                .optComponents(components)
                .optSeed(seed)
                .optMaxIterations(iterations)
                .optTolerance(tolerance)
                .optMaxPointsPerCentroid(maxPoints);
        if (threads != null) {
            b.optThreads(threads);
        }
        long t0 = System.nanoTime();
        ClusterRun.Result r = ClusterRun.run(e, b.build(), centroids, merge, out);
        PrintWriter con = spec.commandLine().getOut();
        con.printf(
                Locale.ROOT,
                "%d embeddings (dim %d) %s %d clusters (%d non-empty, space dim %d, %d iterations) in %.1f s -> %s%n",
                r.assigned(),
                e.dim(),
                r.fitted() ? "clustered into" : "assigned to",
                r.model().k(),
                r.nonEmpty(),
                r.model().dim(),
                r.model().iterations(),
                (System.nanoTime() - t0) / 1e9,
                out);
        con.flush();
        return 0;
    }
}
