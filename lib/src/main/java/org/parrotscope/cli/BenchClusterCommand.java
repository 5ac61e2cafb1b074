package org.parrotscope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.parrotscope.curate.ClusterBenchmark;
import org.parrotscope.curate.ClusterConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parrotscope bench cluster}: memory and time of PCA + k-means, projected to 1M 512-d embeddings. */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = "Heap and seconds of PCA + k-means on random embeddings, projected to --target rows.")
public final class BenchClusterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--n",
            defaultValue = "50000",
            description = "Embeddings to measure with (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--dim", defaultValue = "512", description = "Embedding width (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--components", defaultValue = "256", description = "PCA width (default ${DEFAULT-VALUE}).")
    int components;

    @Option(names = "--k", defaultValue = "100", description = "Clusters (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--iterations", defaultValue = "3", description = "Lloyd iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--target",
            defaultValue = "1000000",
            description = "Rows to project to (default ${DEFAULT-VALUE}).")
    long target;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() {
        ClusterConfig.Builder b =
                ClusterConfig.builder().optComponents(components).optK(k).optMaxIterations(iterations);
        if (threads != null) {
            b.optThreads(threads);
        }
        PrintWriter con = spec.commandLine().getOut();
        con.print(ClusterBenchmark.format(ClusterBenchmark.run(n, dim, b.build(), target), n, target));
        con.flush();
        return 0;
    }
}
