package org.parrotscope.clip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Measures CLIP embedding throughput: images/s and texts/s of a model's forward passes at several batch sizes.
 * Inputs are random (Gaussian pixels, 10-30 random tokens between start and end tokens), since the cost of a
 * forward pass does not depend on the values; random weights measure the same speed as trained ones.
 */
public final class ClipBenchmark {

    /**
     * One measured row.
     *
     * @param task {@code image} or {@code text}
     * @param batch items per forward pass
     * @param passes timed passes
     * @param seconds their total wall time
     */
    public record Row(String task, int batch, int passes, double seconds) {
        /** Checks the counts. */
        public Row {
            if (batch < 1 || passes < 1 || seconds < 0) {
                throw new IllegalArgumentException("bad row: " + batch + " x " + passes + " in " + seconds + " s");
            }
        }

        /** @return items embedded per second, infinite when no time was measured */
        public double itemsPerSecond() {
            return (double) passes * batch / seconds;
        }

        /** @return mean milliseconds per forward pass */
        public double msPerBatch() {
            return 1000 * seconds / passes;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-6s %6d %10.1f %12.1f", task, batch, itemsPerSecond(), msPerBatch());
        }
    }

    /**
     * OpenCLIP's reported ViT-B/32 inference throughput, about 2,500 images/s per A100 (batch 512), as issue 15 quotes
     * it; not measured here (no GPU).
     */
    public static final double OPENCLIP_VIT_B32_IMAGES_PER_S = 2500;

    private ClipBenchmark() {}

    /**
     * The reference line printed under the table.
     *
     * @return OpenCLIP's number with what it was measured on
     */
    public static String reference() {
        return String.format(
                Locale.ROOT,
                "reference: OpenCLIP ViT-B-32 image embedding about %,.0f images/s per A100 at batch 512; compare with"
                        + " --device gpu --preset ViT-B-32 --batches 512",
                OPENCLIP_VIT_B32_IMAGES_PER_S);
    }

    /** @return the column header matching {@link Row#toString()} */
    public static String header() {
        return String.format(Locale.ROOT, "%-6s %6s %10s %12s", "task", "batch", "items/s", "ms/batch");
    }

    /**
     * Times image and text embedding at each batch size: one untimed warm-up pass (allocator, kernel selection),
     * then passes until {@code minSeconds} have passed and at least two passes ran.
     *
     * @param model the model
     * @param batches the batch sizes, in order
     * @param minSeconds minimum timed seconds per row
     * @param sink receives each row as soon as it is measured (for live output)
     * @return the rows, image then text for each batch size
     */
    public static List<Row> run(ClipModel model, List<Integer> batches, double minSeconds, Consumer<Row> sink) {
        ClipConfig cfg = model.config();
        SplittableRandom rng = new SplittableRandom(1);
        int s = cfg.vision().imageSize();
        List<Row> rows = new ArrayList<>();
        for (int b : batches) {
            if (b < 1) {
                throw new IllegalArgumentException("batch sizes must be positive: " + batches);
            }
            float[] px = new float[b * 3 * s * s];
            for (int i = 0; i < px.length; i++) {
                px[i] = (float) rng.nextGaussian();
            }
            rows.add(time("image", b, minSeconds, () -> model.encodeImages(px, b, b)));
            sink.accept(rows.get(rows.size() - 1));
            long[][] ids =
                    randomTexts(rng, b, cfg.text().contextLength(), cfg.text().vocabSize());
            rows.add(time("text", b, minSeconds, () -> model.encodeTexts(ids, b)));
            sink.accept(rows.get(rows.size() - 1));
        }
        return rows;
    }

    private static Row time(String task, int b, double minSeconds, Runnable pass) {
        pass.run();
        int n = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            pass.run();
            n++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < minSeconds * 1e9 || n < 2);
        return new Row(task, b, n, elapsed / 1e9);
    }

    /**
     * Captions of 10 to 30 random tokens between the start and end tokens (the two largest ids, as in CLIP's
     * vocabulary), zero-padded, as the tokenizer outputs them.
     *
     * @param rng the random source
     * @param n captions
     * @param context the context length
     * @param vocab the vocabulary size
     * @return token ids [n, context]
     */
    static long[][] randomTexts(SplittableRandom rng, int n, int context, int vocab) {
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
}
