package org.parrotscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipBenchmark;
import org.parrotscope.clip.ClipConfig;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.clip.GpuMemory;
import org.parrotscope.util.PeakMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parrotscope bench clip}: images/s and texts/s of CLIP embedding with random weights (the
 * throughput is the same as with trained weights), at several batch sizes on all cores, plus peak
 * memory (JVM heap and process resident set).
 */
@Command(
        name = "clip",
        mixinStandardHelpOptions = true,
        description = "Benchmark CLIP image and text embedding (random weights).")
public final class BenchClipCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--preset",
            defaultValue = "ViT-B-32",
            description = "architecture preset (default ${DEFAULT-VALUE})")
    String preset;

    @Option(
            names = "--batches",
            split = ",",
            defaultValue = "1,32,128",
            description = "batch sizes (default ${DEFAULT-VALUE})")
    List<Integer> batches;

    @Option(
            names = "--seconds",
            defaultValue = "5",
            description = "minimum timed seconds per row (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(
            names = "--threads",
            description = "PyTorch intra-op threads (default: all cores; effective only before the engine starts)")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        deviceOptions.apply(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", threads.toString());
        }
        ClipConfig cfg = ClipPresets.load(preset);
        try (ClipModel model = ClipModel.create(cfg, 0)) {
            out.printf(
                    Locale.ROOT,
                    "CLIP %s, random weights, %,d parameters, device %s, engine %s, %d cores, %s threads%n",
                    preset,
                    cfg.parameterCount(),
                    model.device(),
                    model.engine().getEngineName(),
                    Runtime.getRuntime().availableProcessors(),
                    intraOpThreads());
            out.println("images: random pixels; texts: 10-30 random tokens + start/end, padded to the context length");
            out.println(ClipBenchmark.header());
            ClipBenchmark.run(model, batches, seconds, row -> {
                out.println(row);
                out.flush();
            });
            out.println(GpuMemory.describe(model.device()));
            out.println(ClipBenchmark.reference());
        }
        long rss = PeakMemory.residentBytes();
        out.printf(
                Locale.ROOT,
                "peak JVM heap %.0f MiB, peak process RSS (VmHWM) %s%n",
                PeakMemory.heapBytes() / 1048576.0,
                rss < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", rss / 1048576.0));
        out.flush();
        return 0;
    }

    private static String intraOpThreads() {
        return Integer.toString(ai.djl.pytorch.jni.JniUtils.getNumThreads());
    }
}
