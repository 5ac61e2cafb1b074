package org.parrotscope.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.parrotscope.util.Progress;

/**
 * Measures images per second for reading shards, decoding each image and resizing its shorter side to the model
 * input size, with one thread and with N threads. With one thread the calling thread does everything; with N
 * threads it only reads and N workers decode and resize. Each thread count runs several times and the fastest run
 * is kept, since load from other processes only ever slows a run down.
 */
public final class IoBench {

    private final IoBenchConfig config;
    private final Function<String, Progress> progress;

    /**
     * @param config the thread counts, sizes and repeats
     * @param progress makes a progress reporter for a task name (e.g. a console bar)
     */
    public IoBench(IoBenchConfig config, Function<String, Progress> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * Runs the warm-up, then the timed runs for 1 thread and for {@link IoBenchConfig#threads()}.
     *
     * @param shards the shards to read (every run starts from the first)
     * @return the fastest run per thread count
     * @throws java.io.UncheckedIOException when a shard cannot be opened
     * @throws InterruptedException when interrupted while waiting for the workers
     */
    public IoBenchReport run(List<Shard> shards) throws InterruptedException {
        run(shards, 1, config.warmup());
        List<IoBenchReport.Run> runs = new ArrayList<>();
        for (int t : new LinkedHashSet<>(List.of(1, config.threads()))) {
            IoBenchReport.Run best = null;
            for (int i = 0; i < config.repeat(); i++) {
                IoBenchReport.Run r = run(shards, t, config.maxImages());
                best = best == null || r.seconds() < best.seconds() ? r : best;
            }
            runs.add(best);
        }
        return new IoBenchReport(config, shards.size(), Runtime.getRuntime().availableProcessors(), runs);
    }

    private IoBenchReport.Run run(List<Shard> shards, int nThreads, long limit) throws InterruptedException {
        if (limit <= 0) {
            return new IoBenchReport.Run(nThreads, 0, 0, 0);
        }
        ImageDecoder decoder = ImageDecoder.defaults();
        SkipLog skips = new SkipLog();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        try (Progress bar = progress.apply("bench io " + nThreads + "t");
                SampleStream stream = Datasets.open(shards, skips)) {
            if (nThreads == 1) {
                for (Sample s : stream) {
                    process(decoder, s, skips, done);
                    bar.advance(1);
                    if (done.get() + skips.total() >= limit) {
                        break;
                    }
                }
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(nThreads);
                // at most two images per worker wait in memory, so large shards stream
                Semaphore inFlight = new Semaphore(2 * nThreads);
                long submitted = 0;
                try {
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
                                bar.advance(1);
                            }
                        });
                    }
                } finally {
                    pool.shutdown();
                    pool.awaitTermination(1, TimeUnit.DAYS);
                }
            }
        }
        return new IoBenchReport.Run(nThreads, done.get(), skips.total(), (System.nanoTime() - start) / 1e9);
    }

    private void process(ImageDecoder decoder, Sample s, SkipLog skips, AtomicLong done) {
        try {
            BufferedImage img = decoder.decode(s);
            resizeShorterSide(img, config.size());
            done.incrementAndGet();
        } catch (ImageDecodeException e) {
            skips.add(e.toSkipped(s));
        }
    }

    /**
     * Resizes so the shorter side is {@code target}: halving steps while more than 2x too large (area-like), then
     * bilinear, which is how fast loaders approximate an antialiased resize.
     *
     * @param img the image
     * @param target the length of the shorter side
     * @return the resized image ({@code img} itself when it already fits)
     */
    public static BufferedImage resizeShorterSide(BufferedImage img, int target) {
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
