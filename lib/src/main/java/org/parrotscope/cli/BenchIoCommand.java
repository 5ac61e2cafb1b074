package org.parrotscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.IoBench;
import org.parrotscope.data.IoBenchConfig;
import org.parrotscope.data.IoBenchReport;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parrotscope bench io}: images per second for reading a shard, decoding each image and resizing
 * its shorter side to the model input size, with one thread and with all cores ({@link IoBench}).
 */
@Command(
        name = "io",
        mixinStandardHelpOptions = true,
        description =
                "Images/s for read + decode + resize (shorter side, bilinear) of shards, with 1 thread and with all cores.")
public final class BenchIoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..*",
            paramLabel = "SHARDS",
            description = "Shards or image folders, as for `parrotscope inspect`.")
    List<String> specs = new ArrayList<>();

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads for the parallel run (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--size",
            paramLabel = "PX",
            description = "Target length of the shorter side (default: ${DEFAULT-VALUE}).")
    int size = 224;

    @Option(names = "--max-images", paramLabel = "M", description = "Stop each run after M images (default: all).")
    long maxImages = Long.MAX_VALUE;

    @Option(
            names = "--repeat",
            paramLabel = "R",
            description =
                    "Timed runs per thread count; the fastest is reported, as other load only slows runs down (default: ${DEFAULT-VALUE}).")
    int repeat = 3;

    @Option(
            names = "--warmup",
            paramLabel = "W",
            description =
                    "Images decoded before timing, to warm up the JIT and the file cache (default: ${DEFAULT-VALUE}).")
    long warmup = 200;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (specs.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    "bench io: no shards given. Pass WebDataset shards or an image folder, e.g. `parrotscope bench io shards/*.tar`;");
            err.println(
                    "make shards with `parrotscope synth --out DIR --samples 1000` or GNU tar (000000123.jpg + .txt per sample).");
            err.flush();
            return 2;
        }
        IoBenchConfig config = IoBenchConfig.builder()
                .optThreads(threads)
                .optSize(size)
                .optMaxImages(maxImages)
                .optRepeat(repeat)
                .optWarmup(warmup)
                .build();
        IoBenchReport report = new IoBench(config, task -> Progress.console(task, 0)).run(Datasets.resolve(specs));
        report.lines().forEach(out::println);
        out.flush();
        return 0;
    }
}
