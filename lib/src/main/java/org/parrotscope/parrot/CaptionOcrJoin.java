package org.parrotscope.parrot;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.util.Progress;

/**
 * Joins each shard's captions with its OCR file ({@code <ocrDir>/<shard name>.jsonl}) by sample key, streaming:
 * one shard's OCR records are held in memory at a time. Samples without a usable OCR record and records
 * without a sample are counted in the {@link JoinReport}.
 */
public final class CaptionOcrJoin {

    private CaptionOcrJoin() {}

    /**
     * Streams the joined images to a consumer.
     *
     * @param shards the shards, in order
     * @param ocrDir the folder with one OCR JSONL file per shard
     * @param sink receives every sample that has a successful OCR record, in shard order
     * @param progress advanced once per sample read
     * @return what was joined and what was left out
     * @throws IOException when a shard or an OCR file cannot be opened at all
     */
    public static JoinReport run(List<Shard> shards, Path ocrDir, Consumer<ImageText> sink, Progress progress)
            throws IOException {
        SkipLog skips = new SkipLog();
        Counts c = new Counts();
        for (Shard shard : shards) {
            Path file = ocrDir.resolve(shard.name() + ".jsonl");
            Map<String, OcrRecord> ocr = new LinkedHashMap<>();
            if (Files.isRegularFile(file)) {
                readOcr(file, ocr, c);
            } else {
                c.shardsWithoutOcr.add(shard.name());
            }
            try (SampleStream samples = shard.open(skips)) {
                for (Sample s : samples) {
                    c.samples++;
                    OcrRecord r = ocr.remove(s.key());
                    if (r == null) {
                        c.missing++;
                    } else if (r.failed()) {
                        c.errors++;
                        c.errorsByReason.merge(reason(r.error()), 1L, Long::sum);
                    } else {
                        c.joined++;
                        c.engines.add(r.engine());
                        sink.accept(new ImageText(s.key(), s.caption(), r.width(), r.height(), r.words()));
                    }
                    progress.advance(1);
                }
            }
            c.orphans += ocr.size();
        }
        return new JoinReport(
                c.samples,
                c.joined,
                c.missing,
                c.errors,
                c.errorsByReason,
                c.orphans,
                c.duplicates,
                c.corrupt,
                c.shardsWithoutOcr,
                skips.countsByReason(),
                new ArrayList<>(c.engines));
    }

    private static void readOcr(Path file, Map<String, OcrRecord> into, Counts c) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                OcrRecord rec;
                try {
                    rec = OcrJsonl.parseLine(line);
                } catch (RuntimeException e) {
                    // a damaged line (e.g. a run killed mid-write without atomic output) loses one record, not the
                    // shard
                    c.corrupt++;
                    continue;
                }
                if (into.putIfAbsent(rec.key(), rec) != null) {
                    c.duplicates++;
                }
            }
        }
    }

    private static String reason(String error) {
        int colon = error.indexOf(':');
        String code = (colon < 0 ? error : error.substring(0, colon)).trim();
        return code.matches("[a-z0-9]+(_[a-z0-9]+)*") ? code : "other";
    }

    private static final class Counts {
        long samples;
        long joined;
        long missing;
        long errors;
        long orphans;
        long duplicates;
        long corrupt;
        final Map<String, Long> errorsByReason = new TreeMap<>();
        final List<String> shardsWithoutOcr = new ArrayList<>();
        final TreeSet<String> engines = new TreeSet<>();
    }
}
