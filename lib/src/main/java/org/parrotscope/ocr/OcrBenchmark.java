package org.parrotscope.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Throughput of text-spotting engines on rendered images ({@link TextImage}: 1-4 words on plain,
 * gradient and blob backgrounds), and of the {@code tesseract} command run in parallel with
 * {@code xargs -P} as the baseline a shell user would write. Numbers are wall-clock images per second
 * after a warm-up that loads every thread's handle; they are printed, never asserted.
 */
public final class OcrBenchmark {

    private static final String[] WORDS = {
        "SALE", "coffee", "Parrot", "OPEN", "fresh", "market", "BOOK", "travel", "city", "STOP", "pizza", "love",
        "summer", "NEWS", "garden", "photo", "Hotel", "music", "FREE", "design", "street", "happy", "BEACH", "shop"
    };

    /**
     * One measurement.
     *
     * @param engine engine name (or {@code tesseract-cli})
     * @param width image width
     * @param height image height
     * @param threads worker threads (or parallel processes)
     * @param images images processed
     * @param seconds wall-clock time
     */
    public record Result(String engine, int width, int height, int threads, int images, double seconds) {
        /** @return images per second */
        public double imagesPerSecond() {
            return images / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-14s %4dx%-4d %7d %7d %8.2f %9.2f",
                    engine,
                    width,
                    height,
                    threads,
                    images,
                    seconds,
                    imagesPerSecond());
        }
    }

    /** @return the header line matching {@link Result#toString()} */
    public static String header() {
        return String.format(
                Locale.ROOT, "%-14s %9s %7s %7s %8s %9s", "engine", "size", "threads", "images", "seconds", "images/s");
    }

    private OcrBenchmark() {}

    /**
     * Renders benchmark images.
     *
     * @param n how many
     * @param width width
     * @param height height
     * @param seed words, colours and backgrounds
     * @return the images with their words
     */
    public static List<TextImage> images(int n, int width, int height, long seed) {
        Random rnd = new Random(seed);
        TextImage.Background[] bgs = TextImage.Background.values();
        List<TextImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] words = new String[1 + rnd.nextInt(4)];
            for (int k = 0; k < words.length; k++) {
                words[k] = WORDS[rnd.nextInt(WORDS.length)];
            }
            out.add(TextImage.render(width, height, bgs[i % bgs.length], rnd.nextLong(), words));
        }
        return out;
    }

    /**
     * Measures an engine with a pool of threads (each warmed up first).
     *
     * @param engine the engine
     * @param images the images
     * @param threads worker threads
     * @return the measurement
     * @throws OcrException when the engine fails
     */
    public static Result measure(TextSpotter engine, List<BufferedImage> images, int threads) throws OcrException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier barrier = new CyclicBarrier(threads);
            List<Future<?>> warm = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                warm.add(pool.submit(() -> {
                    barrier.await(); // one warm-up per distinct thread: loads its handle / predictor
                    return engine.spot(images.get(0));
                }));
            }
            waitAll(warm);
            long start = System.nanoTime();
            List<Future<?>> jobs = new ArrayList<>();
            for (BufferedImage img : images) {
                jobs.add(pool.submit(() -> engine.spot(img)));
            }
            waitAll(jobs);
            double sec = (System.nanoTime() - start) / 1e9;
            return new Result(
                    engine.name(), images.get(0).getWidth(), images.get(0).getHeight(), threads, images.size(), sec);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void waitAll(List<Future<?>> fs) throws OcrException {
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new OcrException("engine failed during the benchmark: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The shell baseline: {@code ls *.png | xargs -P <parallel> -I{} tesseract {} {} --psm 11 -l eng}, which
     * starts one process (and loads the model) per image.
     *
     * @param images the images (written as PNG to a temporary folder first, not timed)
     * @param parallel parallel processes
     * @param ompThreadLimit {@code OMP_THREAD_LIMIT} for the processes: 1 is the baseline's best case
     *     (parallel processes each with OpenMP threads oversubscribe the cores); 0 inherits this process's environment
     * @return the measurement
     * @throws IOException when the command cannot run or fails
     */
    public static Result tesseractCli(List<BufferedImage> images, int parallel, int ompThreadLimit) throws IOException {
        Path dir = Files.createTempDirectory("ocr-bench-");
        try {
            for (int i = 0; i < images.size(); i++) {
                ImageIO.write(
                        images.get(i),
                        "png",
                        dir.resolve(String.format(Locale.ROOT, "%05d.png", i)).toFile());
            }
            String script = "ls *.png | xargs -P " + parallel + " -I{} tesseract {} {} --psm 11 -l eng 2>/dev/null";
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", script)
                    .directory(dir.toFile())
                    .redirectErrorStream(true);
            if (ompThreadLimit > 0) {
                pb.environment().put("OMP_THREAD_LIMIT", Integer.toString(ompThreadLimit));
            }
            long start = System.nanoTime();
            Process p = pb.start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("tesseract baseline failed (exit " + (p.isAlive() ? "timeout" : p.exitValue())
                        + "): " + script);
            }
            double sec = (System.nanoTime() - start) / 1e9;
            try (var outs = Files.list(dir)) {
                long txt = outs.filter(f -> f.toString().endsWith(".txt")).count();
                if (txt != images.size()) {
                    throw new IOException("tesseract baseline wrote " + txt + " of " + images.size() + " outputs");
                }
            }
            return new Result(
                    ompThreadLimit > 0 ? "tesseract-cli" : "tesseract-cli*",
                    images.get(0).getWidth(),
                    images.get(0).getHeight(),
                    parallel,
                    images.size(),
                    sec);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
