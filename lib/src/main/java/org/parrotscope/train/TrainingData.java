package org.parrotscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.SkipLog;

/**
 * Loads training pairs into memory: every sample of the given shards, or of a {@link SubsetManifest}'s shards
 * restricted to its keys. The encoded image bytes stay in memory (decoded per batch), which suits the CPU
 * scale of this project (20,000 mini-LAION samples take about 60 MB); a LAION-scale run needs a streaming
 * loader instead. The samples are kept without their JSON metadata. Loading stops with an error naming the data
 * when the kept samples would take more than
 * {@link #HEAP_SHARE} of the maximum heap, instead of failing later with an {@link OutOfMemoryError}.
 */
public final class TrainingData {

    /** Largest share of the maximum heap the kept training samples (encoded images, keys, captions) may take. */
    public static final double HEAP_SHARE = 0.6;

    /**
     * Heap bytes of a kept sample besides its image, key and caption characters: the record, three string and one
     * array header, the empty metadata object and the list slot. Measured on mini-LAION between about 250 and 390
     * bytes depending on the run (what a collection leaves behind varies), so counted as 448 to stay above it.
     */
    static final long SAMPLE_OVERHEAD = 448;

    private TrainingData() {}

    /**
     * Reads the {@code --data} argument: one manifest file, or shard specs.
     *
     * @param specs shard specs, or a single {@code .json} manifest
     * @param skips receives unreadable samples
     * @return the samples, in shard order
     * @throws IOException when the shards or the manifest cannot be read
     */
    public static List<Sample> load(List<String> specs, SkipLog skips) throws IOException {
        if (specs.size() == 1 && SubsetManifest.isManifest(specs.get(0))) {
            SubsetManifest m = SubsetManifest.load(Path.of(specs.get(0)));
            List<Sample> all = read(m.shards(), skips, m.keys());
            if (!m.keys().isEmpty() && all.size() < m.keys().size()) {
                throw new IOException(specs.get(0) + ": " + (m.keys().size() - all.size()) + " of "
                        + m.keys().size() + " listed keys are not in the manifest's shards");
            }
            return all;
        }
        return read(specs, skips, Set.of());
    }

    /**
     * Heap bytes a kept sample takes, measured on JDK 17 with compressed pointers: the encoded image, the key and the
     * caption (Latin-1 strings store one byte a character, UTF-16 ones two: counted as two), plus {@link
     * #SAMPLE_OVERHEAD} for the object headers, the record, the empty metadata object and the list slot.
     *
     * @param s a sample as the loader keeps it ({@link #withoutMetadata})
     * @return the estimate
     */
    static long heapBytes(Sample s) {
        return s.imageBytes().length + 2L * (s.caption().length() + s.key().length()) + SAMPLE_OVERHEAD;
    }

    /**
     * The sample without its JSON metadata, which training never reads: mini-LAION's metadata (URL, hash, sizes and
     * the ground truth) took about 4.5 KB of heap per sample as a Gson tree, three times a 64-pixel JPEG, and was
     * not counted (measured: 6.4 KB a sample on the heap, 1.6 KB estimated), so 200,000 samples overflowed a 1 GB
     * heap that the estimate said they fitted in.
     */
    static Sample withoutMetadata(Sample s) {
        return new Sample(s.key(), s.caption(), s.imageExt(), s.imageBytes(), null, s.source(), s.captionFlagged());
    }

    private static List<Sample> read(List<String> specs, SkipLog skips, Set<String> keys) throws IOException {
        return read(specs, skips, keys, (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
    }

    static List<Sample> read(List<String> specs, SkipLog skips, Set<String> keys, long budgetBytes) throws IOException {
        List<Sample> out = new ArrayList<>();
        long bytes = 0;
        try (SampleStream stream = Datasets.open(Datasets.resolve(specs), skips)) {
            for (Sample s : stream) {
                if (keys.isEmpty() || keys.contains(s.key())) {
                    Sample kept = withoutMetadata(s);
                    bytes += heapBytes(kept);
                    if (bytes > budgetBytes) {
                        throw new IOException(String.format(
                                Locale.ROOT,
                                "training data %s does not fit in memory: after %,d samples the encoded images and captions take %,d MB,"
                                        + " more than %.0f%% of the %,d MB heap; train on a subset (a manifest) or raise -Xmx"
                                        + " (PARROTSCOPE_JAVA_OPTS)",
                                specs,
                                out.size() + 1,
                                bytes >> 20,
                                HEAP_SHARE * 100,
                                Runtime.getRuntime().maxMemory() >> 20));
                    }
                    out.add(kept);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (out.isEmpty()) {
            throw new IOException(
                    "no training samples in " + specs + (keys.isEmpty() ? "" : " with the manifest's keys"));
        }
        return out;
    }
}
