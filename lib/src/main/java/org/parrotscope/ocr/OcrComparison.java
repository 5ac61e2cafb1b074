package org.parrotscope.ocr;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecodeException;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;

/**
 * Speed and word accuracy of engines on the same images with ground truth, side by side: images are decoded once
 * into memory, so a row times the engine only. Each row reports wall-clock images/s and, because the machine may
 * be shared, also images/s per busy thread from the workers' CPU time (ONNX Runtime with one intra-op thread and
 * Tesseract with {@code OMP_THREAD_LIMIT=1} compute on the calling thread), which a loaded machine distorts less.
 */
public final class OcrComparison {

    /**
     * An image with its true words.
     *
     * @param key the sample key
     * @param image the decoded image
     * @param truth the generator's words ({@link OracleSpotter#truthWords})
     */
    public record Truthed(String key, BufferedImage image, List<SpottedWord> truth) {
        /** Copies the words. */
        public Truthed {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(image, "image");
            truth = List.copyOf(truth);
        }
    }

    /**
     * One engine (or one setting of it) on the images.
     *
     * @param label what ran, e.g. {@code ppocr up=448}
     * @param images images spotted
     * @param threads worker threads
     * @param seconds wall-clock time
     * @param cpuSeconds CPU time of the workers (NaN when unknown, e.g. an external process)
     * @param accuracy words against the truth
     */
    public record Row(String label, int images, int threads, double seconds, double cpuSeconds, WordAccuracy accuracy) {
        /** @return wall-clock images per second */
        public double imagesPerSecond() {
            return images / seconds;
        }

        /** @return images per second if each thread had a core to itself: images / (CPU seconds / threads) */
        public double cpuImagesPerSecond() {
            return images * threads / cpuSeconds;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-24s %6d %7d %9.2f %10s %9.3f %9.3f %9.3f",
                    label,
                    images,
                    threads,
                    imagesPerSecond(),
                    Double.isNaN(cpuSeconds) ? "-" : String.format(Locale.ROOT, "%.2f", cpuImagesPerSecond()),
                    accuracy.precisionCaseless(),
                    accuracy.recallCaseless(),
                    accuracy.recall());
        }
    }

    private OcrComparison() {}

    /** @return the header matching {@link Row#toString()} */
    public static String header() {
        return String.format(
                Locale.ROOT,
                "%-24s %6s %7s %9s %10s %9s %9s %9s",
                "engine",
                "images",
                "threads",
                "images/s",
                "cpu img/s",
                "P(nocase)",
                "R(nocase)",
                "R(exact)");
    }

    /**
     * Rendered images as comparison input.
     *
     * @param images rendered images ({@link TextImage}, {@link SmallPrintImages})
     * @return each with its drawn words as truth, keyed by index
     */
    public static List<Truthed> of(List<TextImage> images) {
        List<Truthed> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            TextImage t = images.get(i);
            List<SpottedWord> words = t.words().stream()
                    .map(w -> SpottedWord.ofBox(w.text(), 1f, w.box()))
                    .toList();
            out.add(new Truthed("image-" + i, t.image(), words));
        }
        return out;
    }

    /**
     * Decodes mini-LAION samples with their ground truth; undecodable samples are skipped.
     *
     * @param shards the shards
     * @param limit at most this many images (0: all)
     * @return the images in shard order
     * @throws OcrException when a sample has no ground truth
     */
    public static List<Truthed> load(List<Shard> shards, int limit) throws OcrException {
        ImageDecoder decoder = ImageDecoder.defaults();
        List<Truthed> out = new ArrayList<>();
        try (SampleStream samples = Datasets.open(shards, new SkipLog())) {
            for (Sample s : samples) {
                if (limit > 0 && out.size() >= limit) {
                    break;
                }
                try {
                    out.add(new Truthed(s.key(), decoder.decode(s), OracleSpotter.truthWords(s)));
                } catch (ImageDecodeException e) {
                    // a corrupt image is no OCR question: skip it here as OcrRun counts it there
                }
            }
        }
        return out;
    }

    /**
     * Spots every image with a pool of threads (each warmed up on the first image) and compares with the truth.
     *
     * @param label the row label
     * @param engine the engine
     * @param set the images
     * @param threads worker threads
     * @return the row
     * @throws OcrException when the engine fails
     */
    public static Row measure(String label, TextSpotter engine, List<Truthed> set, int threads) throws OcrException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> warm = new ArrayList<>();
            java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(threads);
            for (int t = 0; t < threads; t++) {
                warm.add(pool.submit(() -> {
                    barrier.await();
                    return engine.spot(set.get(0).image());
                }));
            }
            waitAll(warm);
            AtomicLong cpu = new AtomicLong();
            List<Future<List<SpottedWord>>> jobs = new ArrayList<>();
            long start = System.nanoTime();
            for (Truthed t : set) {
                jobs.add(pool.submit(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    List<SpottedWord> words = engine.spot(t.image());
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                    return words;
                }));
            }
            List<List<SpottedWord>> got = new ArrayList<>();
            for (Future<List<SpottedWord>> f : jobs) {
                got.add(get(f));
            }
            double sec = (System.nanoTime() - start) / 1e9;
            return new Row(label, set.size(), threads, sec, cpu.get() / 1e9, accuracy(set, got));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The recall/speed frontier of the {@code ppocr} upscaling choices: one row per choice, each a fresh engine on
     * the same images.
     *
     * @param choices each an upscale target ({@link OcrOptions#detUpscaleTo()}, 0: never), optionally followed by
     *     {@code /probe} ({@link OcrOptions#detProbe()} on; off otherwise) and {@code /wN} ({@link
     *     OcrOptions#recMinWidth()}), e.g. {@code 0}, {@code 448}, {@code 640/probe}, {@code 640/w320} (the engine
     *     before the probe and the narrower padding)
     * @param base the other options
     * @param set the images
     * @param threads worker threads
     * @param sink receives each row when done
     * @return the rows in choice order
     * @throws OcrException when the engine fails
     * @throws IllegalArgumentException for a malformed choice
     */
    public static List<Row> upscaleFrontier(
            List<String> choices, OcrOptions base, List<Truthed> set, int threads, Consumer<Row> sink)
            throws OcrException {
        List<Row> out = new ArrayList<>();
        for (String c : choices) {
            OcrOptions o = upscaleChoice(c, base);
            try (TextSpotter engine = TextSpotters.create(PpOcrSpotter.NAME, o)) {
                Row r = measure("ppocr up=" + c.trim(), engine, set, threads);
                out.add(r);
                sink.accept(r);
            }
        }
        return out;
    }

    /**
     * The recall/speed of {@code ppocr}'s detection size limits ({@link OcrOptions#detMaxSide()}) on images with small
     * print larger than the limits ({@link SmallPrintImages}): one row per limit, each a fresh engine.
     *
     * @param maxSides the limits
     * @param base the other options
     * @param set the images
     * @param threads worker threads
     * @param sink receives each row when done
     * @return the rows in order
     * @throws OcrException when the engine fails
     */
    public static List<Row> maxSideChoices(
            List<Integer> maxSides, OcrOptions base, List<Truthed> set, int threads, Consumer<Row> sink)
            throws OcrException {
        List<Row> out = new ArrayList<>();
        for (int side : maxSides) {
            OcrOptions o = base.toBuilder()
                    .optDetMaxSide(side)
                    .optDetUpscaleTo(Math.min(base.detUpscaleTo(), side))
                    .build();
            try (TextSpotter engine = TextSpotters.create(PpOcrSpotter.NAME, o)) {
                Row r = measure("ppocr max-side=" + side, engine, set, threads);
                out.add(r);
                sink.accept(r);
            }
        }
        return out;
    }

    /**
     * @param choice an upscale target, optionally followed by {@code /probe} and {@code /wN} (recognition padded to
     *     at least N, {@link OcrOptions#recMinWidth()}; else the base's)
     * @param base the other options
     * @return the options of that choice
     */
    static OcrOptions upscaleChoice(String choice, OcrOptions base) {
        String[] parts = choice.trim().split("/");
        try {
            OcrOptions.Builder b =
                    base.toBuilder().optDetUpscaleTo(Integer.parseInt(parts[0])).optDetProbe(false);
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].equals("probe")) {
                    b.optDetProbe(true);
                } else if (parts[i].startsWith("w")) {
                    b.optRecMinWidth(Integer.parseInt(parts[i].substring(1)));
                } else {
                    throw new NumberFormatException(parts[i]);
                }
            }
            return b.build();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "upscale choice '" + choice
                            + "': expected a pixel count, optionally followed by /probe and /w<min recognition width>",
                    e);
        }
    }

    /**
     * Word accuracy of spotted words against the truth.
     *
     * @param set the images with truth
     * @param spotted per image, the spotted words (same order)
     * @return the counts
     */
    public static WordAccuracy accuracy(List<Truthed> set, List<List<SpottedWord>> spotted) {
        if (set.size() != spotted.size()) {
            throw new IllegalArgumentException(set.size() + " images but " + spotted.size() + " results");
        }
        List<OcrRecord> truth = new ArrayList<>();
        List<OcrRecord> got = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Truthed t = set.get(i);
            int w = t.image().getWidth();
            int h = t.image().getHeight();
            truth.add(OcrRecord.ok(t.key(), OracleSpotter.NAME, w, h, t.truth()));
            got.add(OcrRecord.ok(t.key(), "engine", w, h, spotted.get(i)));
        }
        return WordAccuracy.compare(truth, got);
    }

    private static void waitAll(List<Future<?>> fs) throws OcrException {
        for (Future<?> f : fs) {
            get(f);
        }
    }

    private static <T> T get(Future<T> f) throws OcrException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException("comparison interrupted", e);
        } catch (ExecutionException e) {
            throw new OcrException("engine failed during the comparison: " + e.getCause(), e.getCause());
        }
    }
}
