package org.parrotscope.clip;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.parrotscope.data.ImageDecodeException;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.Skipped;
import org.parrotscope.util.Progress;

/**
 * Streams a shard through a {@link ClipScorer}: samples are read in stored order, decoded and
 * preprocessed in parallel with at most two batches in flight (bounded memory), embedded batch by
 * batch and handed to a sink in stored order. A sample whose image cannot be decoded, or that has
 * no caption, is recorded in the {@link SkipLog} and the run goes on.
 */
public final class ShardScorer {

    /**
     * One scored sample.
     *
     * @param key the sample key
     * @param clipScore cosine of the normalised image and caption embeddings
     * @param imageEmbed the normalised image embedding
     * @param textEmbed the normalised caption embedding
     */
    public record Scored(String key, float clipScore, float[] imageEmbed, float[] textEmbed) {}

    /** A decoded sample, or the reason it was skipped. */
    private record Prepared(float[] pixels, Skipped skip) {}

    private record Pending(Sample sample, Future<Prepared> prepared) {}

    private final ClipScorer scorer;
    private final ImageDecoder decoder;

    /**
     * @param scorer the scorer (its pool decodes and preprocesses)
     * @param decoder the image decoder (pixel limit, plugins)
     */
    public ShardScorer(ClipScorer scorer, ImageDecoder decoder) {
        this.scorer = scorer;
        this.decoder = decoder;
    }

    /**
     * Scores every sample of a shard.
     *
     * @param shard the shard
     * @param skips receives skipped samples (from reading, decoding or missing captions)
     * @param progress advanced once per sample read, scored or skipped
     * @param sink receives the scored samples in stored order
     * @throws IOException when the shard cannot be opened
     */
    public void score(Shard shard, SkipLog skips, Progress progress, Consumer<Scored> sink) throws IOException {
        scoreSamples(shard, skips, progress, (sample, scored) -> sink.accept(scored));
    }

    /**
     * Scores every sample of a shard, handing each score with its sample (caption, metadata).
     *
     * @param shard the shard
     * @param skips receives skipped samples (from reading, decoding or missing captions)
     * @param progress advanced once per sample read, scored or skipped
     * @param sink receives each scored sample and its score, in stored order
     * @throws IOException when the shard cannot be opened
     */
    public void scoreSamples(
            Shard shard, SkipLog skips, Progress progress, java.util.function.BiConsumer<Sample, Scored> sink)
            throws IOException {
        int batch = scorer.batchSize();
        Deque<Pending> window = new ArrayDeque<>();
        List<Pending> ready = new ArrayList<>();
        List<float[]> pixels = new ArrayList<>();
        try (SampleStream stream = shard.open(skips)) {
            for (Sample s : stream) {
                if (s.caption() == null || s.caption().isBlank()) {
                    skips.add(new Skipped(s.key(), s.source(), "missing_caption", "no caption text"));
                    progress.advance(1);
                    continue;
                }
                window.add(new Pending(s, scorer.pool().submit(() -> prepare(s))));
                while (window.size() >= 2 * batch) {
                    take(window.poll(), ready, pixels, skips, progress);
                    if (ready.size() == batch) {
                        flush(ready, pixels, progress, sink);
                    }
                }
            }
        }
        while (!window.isEmpty()) {
            take(window.poll(), ready, pixels, skips, progress);
            if (ready.size() == batch) {
                flush(ready, pixels, progress, sink);
            }
        }
        flush(ready, pixels, progress, sink);
    }

    /**
     * Scores several shards in order, with one progress for all.
     *
     * @param shards the shards
     * @param skips receives skipped samples of every shard
     * @param progress advanced once per sample
     * @param sink receives each shard and its scored samples, in stored order
     * @throws IOException when a shard cannot be opened
     */
    public void score(
            List<Shard> shards, SkipLog skips, Progress progress, java.util.function.BiConsumer<Shard, Scored> sink)
            throws IOException {
        for (Shard shard : shards) {
            score(shard, skips, progress, s -> sink.accept(shard, s));
        }
    }

    private Prepared prepare(Sample s) {
        try {
            return new Prepared(scorer.preprocess(decoder.decode(s)), null);
        } catch (ImageDecodeException e) {
            return new Prepared(null, e.toSkipped(s));
        } catch (RuntimeException e) {
            return new Prepared(null, new Skipped(s.key(), s.source(), "corrupt_image", String.valueOf(e)));
        }
    }

    private static void take(Pending p, List<Pending> ready, List<float[]> pixels, SkipLog skips, Progress progress) {
        Prepared prepared = await(p.prepared());
        if (prepared.skip() != null) {
            skips.add(prepared.skip());
            progress.advance(1);
            return;
        }
        ready.add(p);
        pixels.add(prepared.pixels());
    }

    private void flush(
            List<Pending> ready,
            List<float[]> pixels,
            Progress progress,
            java.util.function.BiConsumer<Sample, Scored> sink) {
        if (ready.isEmpty()) {
            return;
        }
        float[][] img = scorer.embedPixels(pixels);
        float[][] txt =
                scorer.embedTexts(ready.stream().map(p -> p.sample().caption()).toList());
        float[] cos = ClipScorer.pairCosines(img, txt);
        for (int i = 0; i < ready.size(); i++) {
            Sample s = ready.get(i).sample();
            sink.accept(s, new Scored(s.key(), cos[i], img[i], txt[i]));
        }
        progress.advance(ready.size());
        ready.clear();
        pixels.clear();
    }

    static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preprocessing", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        }
    }
}
