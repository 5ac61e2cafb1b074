package org.parrotscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipConfig;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;
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
            out.printf(Locale.ROOT, "%-6s %6s %10s %12s%n", "task", "batch", "items/s", "ms/batch");
            SplittableRandom rng = new SplittableRandom(1);
            int s = cfg.vision().imageSize();
            for (int b : batches) {
                float[] px = new float[b * 3 * s * s];
                for (int i = 0; i < px.length; i++) {
                    px[i] = (float) rng.nextGaussian();
                }
                row(out, "image", b, () -> model.encodeImages(px, b, b));
                long[][] ids = randomTexts(
                        rng, b, cfg.text().contextLength(), cfg.text().vocabSize());
                row(out, "text", b, () -> model.encodeTexts(ids, b));
            }
        }
        out.printf(Locale.ROOT, "peak JVM heap %.0f MiB, peak process RSS (VmHWM) %s%n", peakHeapMiB(), vmHwm());
        out.flush();
        return 0;
    }

    private void row(PrintWriter out, String task, int b, Runnable pass) {
        pass.run(); // warm-up: allocator and kernel selection
        int n = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            pass.run();
            n++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < seconds * 1e9 || n < 2);
        double sec = elapsed / 1e9;
        out.printf(Locale.ROOT, "%-6s %6d %10.1f %12.1f%n", task, b, n * b / sec, 1000 * sec / n);
        out.flush();
    }

    /** Captions of 10 to 30 random tokens between start and end tokens, zero-padded, as the tokenizer outputs. */
    private static long[][] randomTexts(SplittableRandom rng, int n, int context, int vocab) {
        long[][] ids = new long[n][context];
        for (long[] row : ids) {
            int len = Math.min(context - 2, 10 + rng.nextInt(21));
            row[0] = vocab - 2;
            for (int i = 1; i <= len; i++) {
                row[i] = rng.nextInt(vocab - 2);
            }
            row[len + 1] = vocab - 1;
        }
        return ids;
    }

    private static String intraOpThreads() {
        return Integer.toString(ai.djl.pytorch.jni.JniUtils.getNumThreads());
    }

    private static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    private static String vmHwm() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring(6).strip())
                .findFirst()
                .orElse("n/a");
    }
}
