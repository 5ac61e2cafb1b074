package org.parrotscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.train.LoaderBenchmark;
import org.parrotscope.train.Precision;
import org.parrotscope.train.TrainBenchmark;
import org.parrotscope.train.TrainConfig;
import org.parrotscope.train.TrainInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parrotscope bench train}: training samples/s and peak memory per preset on the current device. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Training throughput (samples/s) and peak resident memory for CLIP presets: whole AdamW steps on random data.",
            "Presets run in order in one process, so the peak memory of a row includes the rows before it."
        })
public final class BenchTrainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @Option(
            names = "--preset",
            split = ",",
            defaultValue = "mini,ViT-B-32",
            paramLabel = "NAMES",
            description = "Presets (default: ${DEFAULT-VALUE}).")
    List<String> presets;

    @Option(
            names = "--batch",
            defaultValue = "32",
            paramLabel = "N",
            description = "Pairs per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--warmup",
            defaultValue = "1",
            paramLabel = "N",
            description = "Untimed steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--steps",
            defaultValue = "3",
            paramLabel = "N",
            description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--data",
            split = ",",
            paramLabel = "SHARDS|MANIFEST",
            description =
                    "Train the first preset on this data for --steps steps (after one untimed step) with --loader,"
                            + " and print throughput and peak memory of the real run instead of the random-data table.")
    List<String> data;

    @Option(
            names = "--loader",
            defaultValue = "stream",
            paramLabel = "memory|stream|auto",
            description = "Loader of the --data run (default: ${DEFAULT-VALUE}).")
    String loader;

    @Option(
            names = "--shuffle-buffer",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Shuffle buffer of the streaming loader (default: ${DEFAULT-VALUE}).")
    int shuffleBuffer;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Image decoding threads of the --data run (default: cores).")
    Integer threads;

    @Option(
            names = "--precision",
            defaultValue = "fp32",
            paramLabel = "fp32|fp16",
            description = "Arithmetic of the random-data steps: fp32, or fp16 mixed precision with loss scaling"
                    + " (default: ${DEFAULT-VALUE}).")
    String precision;

    @Override
    public Integer call() throws Exception {
        deviceOptions.apply(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (data != null) {
            return onData(out);
        }
        Precision p = Precision.parse(precision);
        out.printf(
                Locale.ROOT,
                "%-12s %12s %6s %6s %5s %10s %9s %12s %10s%n",
                "preset",
                "params",
                "batch",
                "steps",
                "prec",
                "samples/s",
                "s/step",
                "peak RSS MB",
                "device");
        out.flush();
        List<String> memory = new ArrayList<>();
        for (String name : presets) {
            TrainBenchmark b = TrainBenchmark.run(name, ClipPresets.load(name), batch, warmup, steps, p);
            out.printf(
                    Locale.ROOT,
                    "%-12s %12d %6d %6d %5s %10.2f %9.2f %12.0f %10s%n",
                    b.preset(),
                    b.parameters(),
                    b.batch(),
                    b.steps(),
                    b.precision().label(),
                    b.samplesPerSecond(),
                    b.secondsPerStep(),
                    b.peakRssBytes() / 1048576.0,
                    b.device());
            out.flush();
            memory.add(b.preset() + ": " + b.gpuMemory());
        }
        memory.forEach(out::println);
        out.println(TrainBenchmark.reference());
        out.printf(
                Locale.ROOT,
                "cores %d, OMP_THREAD_LIMIT=%s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getenv("OMP_THREAD_LIMIT"));
        out.flush();
        return 0;
    }

    private int onData(PrintWriter out) throws Exception {
        Path scratch = Files.createTempDirectory("parrotscope-bench-train");
        try {
            TrainConfig.Builder b = TrainConfig.builder()
                    .setData(data)
                    .setPreset(presets.get(0))
                    .setOutDir(scratch)
                    .optSteps(steps + 1)
                    .optBatch(batch)
                    .optLoader(TrainConfig.Loader.parse(loader))
                    .optShuffleBuffer(shuffleBuffer);
            if (threads != null) {
                b.optThreads(threads);
            }
            TrainConfig cfg = b.build();
            out.println(TrainInput.describe(cfg));
            LoaderBenchmark r = LoaderBenchmark.run(cfg);
            out.printf(
                    Locale.ROOT,
                    "%-8s %9s %6s %6s %10s %9s %9s %12s %8s%n",
                    "loader",
                    "samples",
                    "batch",
                    "steps",
                    "samples/s",
                    "open s",
                    "total s",
                    "peak RSS MB",
                    "skipped");
            out.printf(
                    Locale.ROOT,
                    "%-8s %9d %6d %6d %10.1f %9.1f %9.1f %12.0f %8d%n",
                    r.loader(),
                    r.samples(),
                    r.batch(),
                    r.steps() - 1,
                    r.samplesPerSecond(),
                    r.openSeconds(),
                    r.totalSeconds(),
                    r.peakRssBytes() / 1048576.0,
                    r.skippedImages());
            out.printf(
                    Locale.ROOT,
                    "preset %s, max heap %d MB, cores %d%n",
                    presets.get(0),
                    Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            LoaderBenchmark.deleteScratch(scratch);
            out.flush();
        }
        return 0;
    }
}
