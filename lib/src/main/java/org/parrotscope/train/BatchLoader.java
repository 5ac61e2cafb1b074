package org.parrotscope.train;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.parrotscope.clip.TextTokenizer;
import org.parrotscope.data.Sample;

/**
 * Prepares training batches ahead of the optimizer: a producer thread fills a bounded queue, decoding and
 * augmenting each batch's images on a worker pool. The order is a pure function of (seed, step): each epoch
 * is a seeded permutation of the samples, the last incomplete batch is dropped (as OpenCLIP's training
 * loader does), and each sample's augmentation generator is derived from (seed, epoch, index). So a run
 * resumed at step s sees exactly the batches an uninterrupted run sees from s on, on any number of threads.
 * A sample whose image cannot be decoded is replaced by the next sample of the permutation and counted.
 */
public final class BatchLoader extends QueuedLoader {

    private final List<Sample> samples;
    private final int batch;
    private final long seed;
    private final int endStep;
    private final TrainTransform transform;
    private final TextTokenizer tokenizer;
    private final int contextLength;
    private final Function<Sample, BufferedImage> decoder;

    /**
     * Starts loading.
     *
     * @param samples the training pairs (at least one batch)
     * @param batch pairs per batch
     * @param seed fixes order and augmentation
     * @param startStep first step to produce (0, or the resumed step)
     * @param endStep step after the last one to produce
     * @param transform the image augmentation
     * @param tokenizer the caption tokenizer
     * @param contextLength ids per caption (the model's {@code context_length})
     * @param decoder image bytes to RGB image; may throw for a corrupt image
     * @param threads decoding threads
     * @param prefetch batches kept ready
     */
    public BatchLoader(
            List<Sample> samples,
            int batch,
            long seed,
            int startStep,
            int endStep,
            TrainTransform transform,
            TextTokenizer tokenizer,
            int contextLength,
            Function<Sample, BufferedImage> decoder,
            int threads,
            int prefetch) {
        super("batch", threads, prefetch);
        if (samples.size() < batch) {
            throw new IllegalArgumentException(
                    "need at least one full batch: " + samples.size() + " samples < batch " + batch);
        }
        this.samples = samples;
        this.batch = batch;
        this.seed = seed;
        this.endStep = endStep;
        this.transform = transform;
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.decoder = decoder;
        start(() -> produce(startStep));
    }

    /** @return optimizer steps per epoch (full batches only) */
    public static int stepsPerEpoch(int samples, int batch) {
        return samples / batch;
    }

    /**
     * The sample order of an epoch.
     *
     * @param n number of samples
     * @param seed the run seed
     * @param epoch the epoch
     * @return a permutation of 0..n-1
     */
    public static int[] permutation(int n, long seed, int epoch) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(mix(seed, epoch, -1));
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static long mix(long seed, long epoch, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void produce(int startStep) throws Exception {
        int spe = stepsPerEpoch(samples.size(), batch);
        int cachedEpoch = -1;
        int[] perm = null;
        for (int step = startStep; step < endStep; step++) {
            int epoch = step / spe;
            if (epoch != cachedEpoch) {
                perm = permutation(samples.size(), seed, epoch);
                cachedEpoch = epoch;
            }
            put(assemble(step, epoch, (step % spe) * batch, perm));
        }
    }

    private TrainBatch assemble(int step, int epoch, int offset, int[] perm) throws Exception {
        int side = transform.size();
        int plane = 3 * side * side;
        int ctx = contextLength;
        byte[] pixels = new byte[batch * plane];
        long[] tokens = new long[batch * ctx];
        @SuppressWarnings("unchecked")
        Future<?>[] jobs = new Future<?>[batch];
        String[] keys = new String[batch];
        for (int b = 0; b < batch; b++) {
            int slot = b;
            jobs[b] = workers.submit(() -> {
                // a corrupt image is replaced by the following samples of the permutation, deterministically
                for (int k = 0; k < perm.length; k++) {
                    int idx = perm[(offset + slot + k * batch) % perm.length];
                    Sample s = samples.get(idx);
                    BufferedImage img;
                    try {
                        img = decoder.apply(s);
                    } catch (RuntimeException e) {
                        skipped.incrementAndGet();
                        continue;
                    }
                    byte[] chw = transform.applyBytes(img, new SplittableRandom(mix(seed, epoch, idx)));
                    System.arraycopy(chw, 0, pixels, slot * plane, plane);
                    System.arraycopy(tokenizer.tokenize(s.caption(), ctx), 0, tokens, slot * ctx, ctx);
                    keys[slot] = s.key();
                    return null;
                }
                throw new IllegalStateException("no decodable image in the training data");
            });
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        return new TrainBatch(step, epoch, batch, pixels, tokens, List.of(keys));
    }
}
