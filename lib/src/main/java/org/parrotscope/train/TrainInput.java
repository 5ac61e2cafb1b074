package org.parrotscope.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.parrotscope.clip.TextTokenizer;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SkipLog;

/**
 * A run's training data behind the loader it uses ({@link TrainConfig.Loader}): the samples in memory, or a
 * {@link StreamingSource}. It gives the sample count, the captions (for a built word vocabulary) and the batches.
 */
public final class TrainInput {

    /**
     * The loader a run uses and why.
     *
     * @param loader {@code MEMORY} or {@code STREAM}
     * @param reason how it was chosen, for the line printed at start
     */
    public record Choice(TrainConfig.Loader loader, String reason) {}

    private final List<Sample> samples;
    private final StreamingSource source;

    private TrainInput(List<Sample> samples, StreamingSource source) {
        this.samples = samples;
        this.source = source;
    }

    /**
     * Chooses the loader: the one asked for; for {@code AUTO} streaming when the shards on disk exceed {@link
     * TrainingData#HEAP_SHARE} of the heap; when resuming, the checkpoint's (a different one asked for is an error).
     *
     * @param cfg the run settings
     * @return the loader and why
     * @throws IOException when the data or the checkpoint cannot be read, or the loader differs from the checkpoint's
     */
    public static Choice choose(TrainConfig cfg) throws IOException {
        if (cfg.resume() != null) {
            TrainState st = TrainState.load(cfg.resume());
            TrainConfig.Loader l = TrainConfig.Loader.parse(st.loader());
            if (cfg.loader() != TrainConfig.Loader.AUTO && cfg.loader() != l) {
                throw new IOException(cfg.resume() + ": checkpoint was trained with the " + st.loader()
                        + " loader; resume with the same loader (the sample order differs between them)");
            }
            return new Choice(l, "the checkpoint's");
        }
        if (cfg.loader() != TrainConfig.Loader.AUTO) {
            return new Choice(cfg.loader(), "asked for");
        }
        long disk = StreamingSource.diskBytes(cfg.data());
        long budget = (long) (Runtime.getRuntime().maxMemory() * TrainingData.HEAP_SHARE);
        boolean stream = disk > budget;
        return new Choice(
                stream ? TrainConfig.Loader.STREAM : TrainConfig.Loader.MEMORY,
                String.format(
                        Locale.ROOT,
                        "auto: %,d MB of shards %s %.0f%% of the %,d MB heap",
                        disk >> 20,
                        stream ? "exceed" : "within",
                        TrainingData.HEAP_SHARE * 100,
                        Runtime.getRuntime().maxMemory() >> 20));
    }

    /**
     * The line printed at start, e.g. {@code loader stream (asked for), shuffle buffer 10,000 samples}.
     *
     * @param cfg the run settings
     * @return the description
     * @throws IOException as {@link #choose}
     */
    public static String describe(TrainConfig cfg) throws IOException {
        Choice c = choose(cfg);
        return "loader " + c.loader().name().toLowerCase(Locale.ROOT) + " (" + c.reason() + ")"
                + (c.loader() == TrainConfig.Loader.STREAM
                        ? String.format(Locale.ROOT, ", shuffle buffer %,d samples", cfg.shuffleBuffer())
                        : "");
    }

    /**
     * Opens the data with the chosen loader.
     *
     * @param cfg the run settings
     * @param loader {@code MEMORY} or {@code STREAM} ({@link #choose})
     * @param skips receives unreadable entries
     * @return the input
     * @throws IOException when the data cannot be read
     */
    public static TrainInput open(TrainConfig cfg, TrainConfig.Loader loader, SkipLog skips) throws IOException {
        return switch (loader) {
            case MEMORY -> new TrainInput(TrainingData.load(cfg.data(), skips), null);
            case STREAM -> new TrainInput(null, StreamingSource.open(cfg.data(), cfg.shuffleBuffer(), skips));
            case AUTO -> throw new IllegalArgumentException("choose the loader first");
        };
    }

    /** @return {@code memory} or {@code stream}, as a checkpoint records it */
    public String loaderName() {
        return source == null ? "memory" : "stream";
    }

    /** @return the shuffle-buffer size, 0 for the in-memory loader */
    public int shuffleBuffer() {
        return source == null ? 0 : source.shuffleBuffer();
    }

    /** @return training samples */
    public int size() {
        return source == null ? samples.size() : source.size();
    }

    /** @return every caption, in shard order */
    public Iterable<String> captions() {
        return source == null ? samples.stream().map(Sample::caption).toList() : source.captions();
    }

    /**
     * Starts the batches of a run.
     *
     * @param cfg the run settings (batch, seed, threads)
     * @param start the first step
     * @param cursor the stream position after step {@code start - 1} (a checkpoint's), or -1
     * @param stop the step after the last
     * @param transform the augmentation
     * @param tokenizer the tokenizer
     * @param ctx ids per caption
     * @param decoder image decoding
     * @return the loader; close it
     */
    public TrainLoader loader(
            TrainConfig cfg,
            int start,
            long cursor,
            int stop,
            TrainTransform transform,
            TextTokenizer tokenizer,
            int ctx,
            Function<Sample, BufferedImage> decoder) {
        int prefetch = 3;
        if (source == null) {
            return new BatchLoader(
                    samples,
                    cfg.batch(),
                    cfg.seed(),
                    start,
                    stop,
                    transform,
                    tokenizer,
                    ctx,
                    decoder,
                    cfg.threads(),
                    prefetch);
        }
        return new StreamingBatchLoader(
                source,
                cfg.batch(),
                cfg.seed(),
                start,
                cursor,
                stop,
                transform,
                tokenizer,
                ctx,
                decoder,
                cfg.threads(),
                prefetch);
    }
}
