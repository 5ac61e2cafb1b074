package org.parrotscope.edit;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.ocr.Quad;
import org.parrotscope.util.Progress;

/**
 * Speed of the ablation's parts, for {@code parrotscope bench edit}: Telea inpainting of word polygons at two image
 * sizes (edits/s with one thread and with N), and whole ablation runs (inpaint + CLIP score of the five variants)
 * on a generated mini-LAION with the oracle OCR and a randomly initialised CLIP preset (pairs/s). A measurement,
 * not a test: it prints numbers.
 */
public final class EditBenchmark {

    /**
     * One measurement.
     *
     * @param what what was measured, e.g. {@code inpaint 256x256} or {@code ablate mini}
     * @param threads worker threads
     * @param items edits or scored image-caption pairs
     * @param seconds wall time of the timed part
     */
    public record Result(String what, int threads, long items, double seconds) {

        /** @return items per second */
        public double perSecond() {
            return items / seconds;
        }
    }

    private EditBenchmark() {}

    /**
     * Times Telea inpainting (radius and dilation of {@code config}) of three printed words per image.
     *
     * @param width image width
     * @param height image height
     * @param images distinct images, each inpainted once per timed pass
     * @param threads worker threads
     * @param config inpainting settings
     * @return the best of three passes
     */
    public static Result inpainting(int width, int height, int images, int threads, InpaintConfig config) {
        List<BufferedImage> imgs = new ArrayList<>();
        List<List<Quad>> polys = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < images; i++) {
            List<Quad> p = new ArrayList<>();
            imgs.add(withWords(width, height, rng, p));
            polys.add(p);
        }
        Inpainter inpainter = new Inpainter(config);
        inpainter.inpaint(imgs.get(0), polys.get(0)); // loads OpenCV
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = Double.POSITIVE_INFINITY;
            for (int pass = 0; pass < 3; pass++) {
                long t0 = System.nanoTime();
                List<Future<BufferedImage>> fs = new ArrayList<>();
                for (int i = 0; i < images; i++) {
                    int k = i;
                    fs.add(pool.submit(() -> inpainter.inpaint(imgs.get(k), polys.get(k))));
                }
                for (Future<BufferedImage> f : fs) {
                    f.get();
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            return new Result("inpaint " + width + "x" + height, threads, images, best);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("inpainting failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Times a whole ablation run: generates {@code samples} mini-LAION samples at 256 px in {@code work}, spots their
     * text with the oracle engine, creates the preset with random weights (seed 0) and runs {@link AblationRun}.
     *
     * @param preset a CLIP preset, e.g. {@code mini} or {@code ViT-B-32}
     * @param samples generated samples
     * @param threads decoding and inpainting threads
     * @param batch CLIP batch size
     * @param work an empty scratch folder
     * @return scored pairs (raw and edited images) over the run's seconds, OCR and model creation excluded
     * @throws IOException when the scratch folder cannot be written
     */
    public static Result ablation(String preset, int samples, int threads, int batch, Path work) throws IOException {
        Path pool = work.resolve("pool");
        if (!Files.isDirectory(pool)) {
            MiniLaionWriter.write(
                    new MiniLaion(SynthConfig.builder()
                            .setSeed(1)
                            .setSamples(samples)
                            .optImageSize(256)
                            .build()),
                    pool,
                    Progress.silent());
        }
        List<Shard> shards = Datasets.resolve(List.of(pool.toString()));
        Path ocr = work.resolve("ocr");
        OcrRun.builder()
                .setOut(ocr)
                .optEngine("oracle")
                .optThreads(threads)
                .buildRun()
                .run(shards);
        Path modelDir = work.resolve("model-" + preset);
        try (ClipModel m = ClipModel.create(ClipPresets.load(preset), 0)) {
            m.save(modelDir);
        }
        AblationConfig cfg = AblationConfig.builder()
                .setOut(work.resolve("ablate-" + preset))
                .setOcrDir(ocr)
                .optThreads(threads)
                .build();
        try (ClipModel m = ClipModel.load(modelDir);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(m)
                        .setTokenizer(Tokenizers.forModel(modelDir))
                        .optBatchSize(batch)
                        .build()) {
            AblationSummary s = new AblationRun(cfg, scorer).run(shards, Progress.silent());
            return new Result("ablate " + preset, threads, s.pairs(), s.seconds());
        }
    }

    /**
     * Formats results as a table.
     *
     * @param results the measurements
     * @return one line per result
     */
    public static String format(List<Result> results) {
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT, "%-22s %8s %10s %10s %12s%n", "measurement", "threads", "items", "seconds", "per second"));
        for (Result r : results) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-22s %8d %10d %10.2f %12.1f%n",
                    r.what(),
                    r.threads(),
                    r.items(),
                    r.seconds(),
                    r.perSecond()));
        }
        return sb.toString();
    }

    /** A gradient image with three dark words; their boxes go into {@code polygons}. */
    private static BufferedImage withWords(int w, int h, SplittableRandom rng, List<Quad> polygons) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(rng.nextInt(1 << 24)), w, h, new Color(rng.nextInt(1 << 24))));
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, h / 10)));
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        String[] words = {"SALE", "COFFEE", "OPEN"};
        for (int i = 0; i < words.length; i++) {
            int x = rng.nextInt(Math.max(1, w - fm.stringWidth(words[i])));
            int base = (i + 1) * h / 4;
            g.drawString(words[i], x, base);
            polygons.add(
                    new Box(x, base - fm.getAscent(), x + fm.stringWidth(words[i]), base + fm.getDescent()).toQuad());
        }
        g.dispose();
        return img;
    }
}
