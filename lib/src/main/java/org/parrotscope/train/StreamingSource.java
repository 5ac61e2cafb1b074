package org.parrotscope.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;

/**
 * Training pairs streamed from their shards instead of held in memory, for data larger than the heap (the paper
 * trains on LAION subsets of millions of pairs, Sec. 5). Each epoch reads the shards in a seeded order and passes
 * the samples through a seeded shuffle buffer, the scheme of WebDataset's loaders: a shard-level shuffle plus a
 * local one, so memory is the buffer, not the dataset. A {@link SubsetManifest}'s keys filter the samples as
 * {@link TrainingData} does. Opening counts the samples in one pass (the epoch length needs it) and checks a
 * manifest's keys; that pass and each epoch pass keep only the set of keys seen (to skip duplicate keys as {@link
 * Datasets#open} does), which is the one structure growing with the data: about 100 bytes per sample.
 */
public final class StreamingSource {

    /**
     * The default shuffle-buffer size in samples: 10,000 encoded 64 px mini-LAION PNGs take about 40 MB, and at 20,000
     * samples such a buffer mixes half the data set at a time (see lib/README.md "Training CLIP").
     */
    public static final int DEFAULT_SHUFFLE_BUFFER = 10_000;

    private final List<String> specs;
    private final List<Shard> shards;
    private final Set<String> keys;
    private final int size;
    private final int shuffleBuffer;

    private StreamingSource(List<String> specs, List<Shard> shards, Set<String> keys, int size, int shuffleBuffer) {
        this.specs = specs;
        this.shards = shards;
        this.keys = keys;
        this.size = size;
        this.shuffleBuffer = shuffleBuffer;
    }

    /**
     * Reads the {@code --data} argument (shard specs, or one manifest) and counts its samples.
     *
     * @param specs shard specs, or a single {@code .json} manifest
     * @param shuffleBuffer samples in the shuffle buffer (at least 1)
     * @param skips receives unreadable entries of the counting pass
     * @return the source
     * @throws IOException when the shards or the manifest cannot be read, a manifest key is missing, or there are no
     *     samples
     */
    public static StreamingSource open(List<String> specs, int shuffleBuffer, SkipLog skips) throws IOException {
        if (shuffleBuffer < 1) {
            throw new IllegalArgumentException("shuffle buffer needs at least 1 sample, got " + shuffleBuffer);
        }
        List<String> shardSpecs = specs;
        Set<String> keys = Set.of();
        if (specs.size() == 1 && SubsetManifest.isManifest(specs.get(0))) {
            SubsetManifest m = SubsetManifest.load(Path.of(specs.get(0)));
            shardSpecs = m.shards();
            keys = m.keys();
        }
        List<Shard> shards = Datasets.resolve(shardSpecs);
        int n = 0;
        try (SampleStream stream = Datasets.open(shards, skips)) {
            for (Sample s : stream) {
                if (keys.isEmpty() || keys.contains(s.key())) {
                    n++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!keys.isEmpty() && n < keys.size()) {
            throw new IOException(specs.get(0) + ": " + (keys.size() - n) + " of " + keys.size()
                    + " listed keys are not in the manifest's shards");
        }
        if (n == 0) {
            throw new IOException(
                    "no training samples in " + specs + (keys.isEmpty() ? "" : " with the manifest's keys"));
        }
        return new StreamingSource(List.copyOf(specs), shards, keys, n, shuffleBuffer);
    }

    /**
     * The bytes the data take on disk, which {@link TrainConfig.Loader#AUTO} compares with the memory budget: the
     * encoded images (already compressed) are most of a shard, so this is close to what {@link TrainingData} would
     * hold. For a manifest it counts all of its shards, an upper bound.
     *
     * @param specs shard specs, or a single manifest
     * @return total size of the shard files and folders
     * @throws IOException when the data cannot be resolved
     */
    public static long diskBytes(List<String> specs) throws IOException {
        List<String> shardSpecs = specs.size() == 1 && SubsetManifest.isManifest(specs.get(0))
                ? SubsetManifest.load(Path.of(specs.get(0))).shards()
                : specs;
        long total = 0;
        for (Shard s : Datasets.resolve(shardSpecs)) {
            try (Stream<Path> files = Files.walk(s.path())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) {
                        total += Files.size(f);
                    }
                }
            }
        }
        return total;
    }

    /** @return training samples (after the manifest's filter) */
    public int size() {
        return size;
    }

    /** @return samples in the shuffle buffer */
    public int shuffleBuffer() {
        return shuffleBuffer;
    }

    /** @return the data as given */
    public List<String> specs() {
        return specs;
    }

    /**
     * The captions in shard order, streamed anew for every iteration (to build a word vocabulary without holding the
     * data).
     *
     * @return the captions
     */
    public Iterable<String> captions() {
        return () -> {
            Epoch e = new Epoch(shards, new SplittableRandom(0), 0);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = e.hasNext();
                    if (!more) {
                        e.close();
                    }
                    return more;
                }

                @Override
                public String next() {
                    return e.next().caption();
                }
            };
        };
    }

    /**
     * Opens one epoch's pass: the shards in a seeded order, then a seeded shuffle buffer.
     *
     * @param seed the run seed
     * @param epoch the epoch
     * @return the samples of the epoch, each once; close it
     */
    public Epoch epoch(long seed, int epoch) {
        List<Shard> order = new ArrayList<>(shards);
        SplittableRandom rng = new SplittableRandom(BatchLoader.mix(seed, epoch, -2));
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Shard t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return new Epoch(order, rng.split(), shuffleBuffer);
    }

    /**
     * One pass over the data through the shuffle buffer: fill it, then emit a random element and put the next input
     * sample in its place; at the end, drain it at random. With capacity 0, samples pass in shard order.
     */
    public final class Epoch implements Iterator<Sample>, AutoCloseable {
        private final SampleStream stream;
        private final Iterator<Sample> in;
        private final SplittableRandom rng;
        private final Sample[] buffer;
        private int held;
        private Sample pending;

        private Epoch(List<Shard> order, SplittableRandom rng, int capacity) {
            // duplicate keys and unreadable entries were reported by the counting pass; here they are passed over
            this.stream = Datasets.open(order, new SkipLog());
            this.in = stream.iterator();
            this.rng = rng;
            this.buffer = new Sample[capacity];
        }

        private Sample read() {
            while (in.hasNext()) {
                Sample s = in.next();
                if (keys.isEmpty() || keys.contains(s.key())) {
                    return s;
                }
            }
            return null;
        }

        /** @return samples in the shuffle buffer now */
        public int buffered() {
            return held;
        }

        @Override
        public boolean hasNext() {
            if (pending == null) {
                pending = take();
            }
            return pending != null;
        }

        private Sample take() {
            if (buffer.length == 0) {
                return read();
            }
            while (held < buffer.length) {
                Sample s = read();
                if (s == null) {
                    break;
                }
                buffer[held++] = s;
            }
            if (held == 0) {
                return null;
            }
            int j = rng.nextInt(held);
            Sample out = buffer[j];
            Sample incoming = read();
            if (incoming != null) {
                buffer[j] = incoming;
            } else {
                buffer[j] = buffer[held - 1];
                buffer[--held] = null;
            }
            return out;
        }

        @Override
        public Sample next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Sample s = pending;
            pending = null;
            return s;
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
