package org.parrotscope.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecodeException;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parrotscope bench io}: images per second for reading a shard, decoding each image and resizing
 * its shorter side to the model input size, with one thread and with all cores. With one thread the
 * calling thread does everything; with N threads it only reads and N workers decode and resize.
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

    /** One timed run. */
    record Run(int threads, long images, long skipped, double seconds) {
        double rate() {
            return seconds > 0 ? images / seconds : 0;
        }
    }

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
        if (threads < 1 || size < 1 || repeat < 1) {
            throw new IllegalArgumentException("--threads, --size and --repeat must be positive");
        }
        List<Shard> shards = Datasets.resolve(specs);
        run(shards, 1, warmup);
        List<Run> runs = new ArrayList<>();
        for (int t : new LinkedHashSet<>(List.of(1, threads))) {
            Run best = null;
            for (int i = 0; i < repeat; i++) {
                Run r = run(shards, t, maxImages);
                best = best == null || r.seconds() < best.seconds() ? r : best;
            }
            runs.add(best);
        }
        out.printf(
                Locale.ROOT,
                "bench io: read + decode + resize shorter side to %d px; %d shard(s); %d core(s); best of %d run(s)%n",
                size,
                shards.size(),
                Runtime.getRuntime().availableProcessors(),
                repeat);
        out.printf(
                Locale.ROOT,
                "%8s %8s %8s %9s %10s %8s%n",
                "threads",
                "images",
                "skipped",
                "seconds",
                "images/s",
                "speedup");
        for (Run r : runs) {
            out.printf(
                    Locale.ROOT,
                    "%8d %8d %8d %9.2f %10.1f %7.2fx%n",
                    r.threads(),
                    r.images(),
                    r.skipped(),
                    r.seconds(),
                    r.rate(),
                    r.rate() / runs.get(0).rate());
        }
        out.flush();
        return 0;
    }

    private Run run(List<Shard> shards, int nThreads, long limit) throws Exception {
        if (limit <= 0) {
            return new Run(nThreads, 0, 0, 0);
        }
        ImageDecoder decoder = ImageDecoder.defaults();
        SkipLog skips = new SkipLog();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        try (Progress progress = Progress.console("bench io " + nThreads + "t", 0);
                SampleStream stream = Datasets.open(shards, skips)) {
            if (nThreads == 1) {
                for (Sample s : stream) {
                    process(decoder, s, skips, done);
                    progress.advance(1);
                    if (done.get() + skips.total() >= limit) {
                        break;
                    }
                }
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(nThreads);
                Semaphore inFlight = new Semaphore(2 * nThreads);
                long submitted = 0;
                for (Sample s : stream) {
                    if (submitted++ >= limit) {
                        break;
                    }
                    inFlight.acquireUninterruptibly();
                    pool.execute(() -> {
                        try {
                            process(decoder, s, skips, done);
                        } finally {
                            inFlight.release();
                            progress.advance(1);
                        }
                    });
                }
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.DAYS);
            }
        }
        return new Run(nThreads, done.get(), skips.total(), (System.nanoTime() - start) / 1e9);
    }

    private void process(ImageDecoder decoder, Sample s, SkipLog skips, AtomicLong done) {
        try {
            BufferedImage img = decoder.decode(s);
            resizeShorterSide(img, size);
            done.incrementAndGet();
        } catch (ImageDecodeException e) {
            skips.add(e.toSkipped(s));
        }
    }

    /**
     * Resizes so the shorter side is {@code target}: halving steps while more than 2x too large (area-like), then
     * bilinear.
     */
    static BufferedImage resizeShorterSide(BufferedImage img, int target) {
        BufferedImage cur = img;
        while (Math.min(cur.getWidth(), cur.getHeight()) >= 2 * target) {
            cur = scale(cur, Math.max(1, cur.getWidth() / 2), Math.max(1, cur.getHeight() / 2));
        }
        double f = (double) target / Math.min(cur.getWidth(), cur.getHeight());
        int w = Math.max(1, (int) Math.round(cur.getWidth() * f));
        int h = Math.max(1, (int) Math.round(cur.getHeight() * f));
        return w == cur.getWidth() && h == cur.getHeight() ? cur : scale(cur, w, h);
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
