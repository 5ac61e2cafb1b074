package org.parrotscope.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.parrotscope.util.Progress;

/**
 * Reads a whole dataset once and reports what is in it ({@link InspectionReport}): every image is
 * decoded, so corrupt ones are found, on all cores with bounded memory (at most {@code 2 x threads}
 * samples in flight). A sample is valid when it was read and its image decodes.
 */
public final class DatasetInspector {

    /** Buckets of an image's shorter side in pixels: lower bounds, with their labels. */
    public static final List<Map.Entry<Integer, String>> SIZE_BUCKETS = List.of(
            Map.entry(0, "<64"),
            Map.entry(64, "64-127"),
            Map.entry(128, "128-255"),
            Map.entry(256, "256-511"),
            Map.entry(512, "512-1023"),
            Map.entry(1024, ">=1024"));

    private final int threads;
    private final ImageDecoder decoder;

    private DatasetInspector(Builder b) {
        this.threads = b.threads;
        this.decoder = b.decoder;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Inspects the shards.
     *
     * @param shards the dataset
     * @param progress advanced once per sample read
     * @return the report
     * @throws IOException when a shard cannot be opened at all
     */
    public InspectionReport inspect(List<Shard> shards, Progress progress) throws IOException {
        SkipLog skips = new SkipLog();
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "inspect-decode");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(2 * threads);
        long read = 0;
        try (SampleStream stream = Datasets.open(shards, skips)) {
            for (Sample s : stream) {
                read++;
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        tally.add(s, decoder.read(s));
                    } catch (ImageDecodeException e) {
                        skips.add(e.toSkipped(s));
                    } catch (RuntimeException | OutOfMemoryError e) {
                        skips.add(new Skipped(s.key(), s.source(), "corrupt_image", "decoding failed: " + e));
                    } finally {
                        inFlight.release();
                        progress.advance(1);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        return tally.report(shards.size(), read, skips);
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // keep waiting: tasks are bounded by the decoder
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Counts gathered by the decoding threads. */
    private static final class Tally {
        private final Map<String, Long> formats = new TreeMap<>();
        private final long[] sizes = new long[SIZE_BUCKETS.size()];
        private int[] words = new int[1024];
        private int[] chars = new int[1024];
        private int n;
        private long flagged;

        synchronized void add(Sample s, DecodedImage d) {
            formats.merge(d.format(), 1L, Long::sum);
            BufferedImage img = d.image();
            int shorter = Math.min(img.getWidth(), img.getHeight());
            int bucket = 0;
            for (int i = 0; i < SIZE_BUCKETS.size(); i++) {
                if (shorter >= SIZE_BUCKETS.get(i).getKey()) {
                    bucket = i;
                }
            }
            sizes[bucket]++;
            if (n == words.length) {
                words = Arrays.copyOf(words, 2 * n);
                chars = Arrays.copyOf(chars, 2 * n);
            }
            String c = s.caption().strip();
            // Words are whitespace-split as in the paper's CoTR (Step 3); characters are code points.
            words[n] = c.isEmpty() ? 0 : c.split("\\s+").length;
            chars[n] = c.codePointCount(0, c.length());
            n++;
            if (s.captionFlagged()) {
                flagged++;
            }
        }

        synchronized InspectionReport report(long shards, long read, SkipLog skips) {
            Map<String, Long> bySize = new LinkedHashMap<>();
            for (int i = 0; i < sizes.length; i++) {
                bySize.put(SIZE_BUCKETS.get(i).getValue(), sizes[i]);
            }
            List<Skipped> skipped = new ArrayList<>(skips.entries());
            return new InspectionReport(
                    shards,
                    read,
                    n,
                    skips.total(),
                    skips.countsByReason(),
                    formats,
                    bySize,
                    LengthStats.of(words, n),
                    LengthStats.of(chars, n),
                    flagged,
                    skips.warningsByReason(),
                    skipped);
        }
    }

    /** Builds a {@link DatasetInspector}. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private ImageDecoder decoder = ImageDecoder.defaults();

        private Builder() {}

        /**
         * @param n decoding threads (default: all cores)
         * @return this builder
         */
        public Builder optThreads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * @param d the image decoder (default {@link ImageDecoder#defaults()}, 50 MP limit)
         * @return this builder
         */
        public Builder optDecoder(ImageDecoder d) {
            this.decoder = Objects.requireNonNull(d, "decoder");
            return this;
        }

        /** @return the inspector */
        public DatasetInspector build() {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            return new DatasetInspector(this);
        }
    }
}
