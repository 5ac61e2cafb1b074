package org.parrotscope.train;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.parrotscope.clip.TextTokenizer;
import org.parrotscope.data.Sample;

/**
 * Prepares training batches from a {@link StreamingSource}, with the memory of its shuffle buffer plus the prepared
 * batches whatever the size of the data. A producer thread reads each epoch's shuffled stream, decodes and augments
 * a batch's images on a worker pool and puts the batch on a bounded queue, as {@link BatchLoader} does. A batch is
 * the next {@code batch} decodable samples of the stream; an undecodable image is skipped and counted. An epoch is
 * {@code size / batch} steps (full batches, the rest dropped, as OpenCLIP does); when undecodable images leave too few
 * samples for them, the epoch's stream starts again from its beginning. The order is a function of (seed, epoch),
 * and a sample's augmentation generator of (seed, epoch, position in the stream), so the batches do not depend on the
 * number of threads. Resuming needs the stream position after the last step done ({@link TrainBatch#cursor}, which a
 * checkpoint stores): the epoch's stream is replayed up to it without decoding, and the batches from there on are
 * the ones an uninterrupted run sees.
 */
public final class StreamingBatchLoader extends QueuedLoader {

    private record Prepared(String key, byte[] pixels, long[] tokens) {}

    private final StreamingSource source;
    private final int batch;
    private final long seed;
    private final int endStep;
    private final TrainTransform transform;
    private final TextTokenizer tokenizer;
    private final int contextLength;
    private final Function<Sample, BufferedImage> decoder;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile int maxHeld;
    private StreamingSource.Epoch stream;
    private int epoch;
    private long position;
    private long failuresInARow;

    /**
     * Starts loading.
     *
     * @param source the streamed data (at least one batch)
     * @param batch pairs per batch
     * @param seed fixes order and augmentation
     * @param startStep first step to produce (0, or the resumed step)
     * @param startCursor the {@link TrainBatch#cursor} of the batch before {@code startStep} (ignored at 0 or at an
     *     epoch start)
     * @param endStep step after the last one to produce
     * @param transform the image augmentation
     * @param tokenizer the caption tokenizer
     * @param contextLength ids per caption
     * @param decoder image bytes to RGB image; may throw for a corrupt image
     * @param threads decoding threads
     * @param prefetch batches kept ready
     */
    public StreamingBatchLoader(
            StreamingSource source,
            int batch,
            long seed,
            int startStep,
            long startCursor,
            int endStep,
            TrainTransform transform,
            TextTokenizer tokenizer,
            int contextLength,
            Function<Sample, BufferedImage> decoder,
            int threads,
            int prefetch) {
        super("stream", threads, prefetch);
        if (source.size() < batch) {
            throw new IllegalArgumentException(
                    "need at least one full batch: " + source.size() + " samples < batch " + batch);
        }
        int spe = BatchLoader.stepsPerEpoch(source.size(), batch);
        if (startStep % spe != 0 && startCursor < 0) {
            throw new IllegalArgumentException("resuming a streamed run inside an epoch needs the stream position");
        }
        this.source = source;
        this.batch = batch;
        this.seed = seed;
        this.endStep = endStep;
        this.transform = transform;
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.decoder = decoder;
        start(() -> produce(startStep, startCursor));
    }

    /**
     * The most samples the loader held at once: in the shuffle buffer, being decoded, or in prepared batches not yet
     * handed out. It stays within {@code shuffleBuffer + (prefetch + 2) * batch}, independent of the data size.
     *
     * @return the high-water mark so far
     */
    public int maxHeldSamples() {
        return maxHeld;
    }

    private void produce(int startStep, long startCursor) throws Exception {
        int spe = BatchLoader.stepsPerEpoch(source.size(), batch);
        try {
            epoch = -1;
            for (int step = startStep; step < endStep; step++) {
                if (step / spe != epoch) {
                    openEpoch(step / spe);
                    if (step == startStep && step % spe != 0) {
                        while (position < startCursor) {
                            take();
                            inFlight.decrementAndGet();
                        }
                    }
                }
                put(assemble(step));
            }
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }

    private void openEpoch(int e) {
        if (stream != null) {
            stream.close();
        }
        epoch = e;
        stream = source.epoch(seed, e);
        position = 0;
    }

    /** The next sample of the epoch's stream, starting the stream again at its end. */
    private Sample take() {
        if (!stream.hasNext()) {
            stream.close();
            stream = source.epoch(seed, epoch);
        }
        Sample s = stream.next();
        position++;
        int held = stream.buffered() + inFlight.incrementAndGet();
        if (held > maxHeld) {
            maxHeld = held;
        }
        return s;
    }

    private TrainBatch assemble(int step) throws Exception {
        int side = transform.size();
        int plane = 3 * side * side;
        int ctx = contextLength;
        byte[] pixels = new byte[batch * plane];
        long[] tokens = new long[batch * ctx];
        List<String> keys = new ArrayList<>(batch);
        int e = epoch;
        while (keys.size() < batch) {
            int need = batch - keys.size();
            List<Future<Prepared>> jobs = new ArrayList<>(need);
            for (int i = 0; i < need; i++) {
                Sample s = take();
                long at = position - 1;
                jobs.add(workers.submit(() -> prepare(s, e, at)));
            }
            for (Future<Prepared> f : jobs) {
                Prepared p = f.get();
                if (p == null) {
                    skipped.incrementAndGet();
                    inFlight.decrementAndGet();
                    if (++failuresInARow > source.size()) {
                        throw new IllegalStateException("no decodable image in the training data " + source.specs());
                    }
                    continue;
                }
                failuresInARow = 0;
                int slot = keys.size();
                System.arraycopy(p.pixels(), 0, pixels, slot * plane, plane);
                System.arraycopy(p.tokens(), 0, tokens, slot * ctx, ctx);
                keys.add(p.key());
            }
        }
        return new TrainBatch(step, e, batch, pixels, tokens, keys, position);
    }

    private Prepared prepare(Sample s, int e, long at) {
        BufferedImage img;
        try {
            img = decoder.apply(s);
        } catch (RuntimeException ex) {
            return null;
        }
        byte[] chw = transform.applyBytes(img, new SplittableRandom(BatchLoader.mix(seed, e, at)));
        return new Prepared(s.key(), chw, tokenizer.tokenize(s.caption(), contextLength));
    }

    @Override
    void taken(TrainBatch b) {
        inFlight.addAndGet(-b.size());
    }
}
