package org.parrotscope.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.train.TrainBenchmark;
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

    @Override
    public Integer call() {
        deviceOptions.apply(spec.commandLine().getErr());
        System.out.printf(
                Locale.ROOT,
                "%-12s %12s %6s %6s %10s %9s %12s%n",
                "preset",
                "params",
                "batch",
                "steps",
                "samples/s",
                "s/step",
                "peak RSS MB");
        for (String p : presets) {
            TrainBenchmark b = TrainBenchmark.run(p, ClipPresets.load(p), batch, warmup, steps);
            System.out.printf(
                    Locale.ROOT,
                    "%-12s %12d %6d %6d %10.2f %9.2f %12.0f%n",
                    b.preset(),
                    b.parameters(),
                    b.batch(),
                    b.steps(),
                    b.samplesPerSecond(),
                    b.secondsPerStep(),
                    b.peakRssBytes() / 1048576.0);
        }
        System.out.printf(
                Locale.ROOT,
                "cores %d, OMP_THREAD_LIMIT=%s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getenv("OMP_THREAD_LIMIT"));
        return 0;
    }
}
