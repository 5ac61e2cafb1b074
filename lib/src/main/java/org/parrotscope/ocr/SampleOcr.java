package org.parrotscope.ocr;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.parrotscope.data.ImageDecodeException;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.Skipped;

/** OCR of one sample for {@link OcrRun}: decode, spot, and turn any failure into a record with {@code error}. */
final class SampleOcr {

    /** Reason code of an engine failure (shared with the data stage's skip reasons). */
    static final String ENGINE_ERROR = "engine_error";

    private final SampleSpotter spotter;
    private final ImageDecoder decoder;
    private final SkipLog skips;
    private final Counters counters;

    SampleOcr(SampleSpotter spotter, ImageDecoder decoder, SkipLog skips, Counters counters) {
        this.spotter = spotter;
        this.decoder = decoder;
        this.skips = skips;
        this.counters = counters;
    }

    /**
     * @param s the sample
     * @return its record; never throws for a bad image or an engine failure
     */
    OcrRecord process(Sample s) {
        long t0 = System.nanoTime();
        BufferedImage img;
        try {
            img = decoder.decode(s);
        } catch (ImageDecodeException e) {
            counters.decodeNanos.addAndGet(System.nanoTime() - t0);
            skips.add(new Skipped(s.key(), s.source(), e.reason(), e.getMessage()));
            Dimension d = headerSize(s);
            return counters.count(
                    OcrRecord.failed(s.key(), spotter.name(), d.width, d.height, e.reason() + ": " + e.getMessage()),
                    e.reason());
        }
        long t1 = System.nanoTime();
        counters.decodeNanos.addAndGet(t1 - t0);
        try {
            List<SpottedWord> words = spotter.spot(s, img);
            return counters.count(OcrRecord.ok(s.key(), spotter.name(), img.getWidth(), img.getHeight(), words), null);
        } catch (OcrException | RuntimeException e) {
            String msg = e.getMessage() != null ? e.getMessage() : e.toString();
            skips.add(new Skipped(s.key(), s.source(), ENGINE_ERROR, msg));
            return counters.count(
                    OcrRecord.failed(
                            s.key(), spotter.name(), img.getWidth(), img.getHeight(), ENGINE_ERROR + ": " + msg),
                    ENGINE_ERROR);
        } finally {
            counters.engineNanos.addAndGet(System.nanoTime() - t1);
        }
    }

    /** The size from the header when only decoding failed (e.g. too many pixels); 0x0 when unreadable. */
    private Dimension headerSize(Sample s) {
        try {
            return decoder.size(s);
        } catch (ImageDecodeException | RuntimeException e) {
            return new Dimension(0, 0);
        }
    }

    /** Thread-safe tallies of a run. */
    static final class Counters {
        final AtomicLong records = new AtomicLong();
        final AtomicLong words = new AtomicLong();
        final AtomicLong engineNanos = new AtomicLong();
        final AtomicLong decodeNanos = new AtomicLong();
        private final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();

        OcrRecord count(OcrRecord r, String failure) {
            records.incrementAndGet();
            words.addAndGet(r.words().size());
            if (failure != null) {
                failed.computeIfAbsent(failure, k -> new AtomicLong()).incrementAndGet();
            }
            return r;
        }

        Map<String, Long> failedByReason() {
            Map<String, Long> m = new TreeMap<>();
            failed.forEach((k, v) -> m.put(k, v.get()));
            return m;
        }
    }
}
