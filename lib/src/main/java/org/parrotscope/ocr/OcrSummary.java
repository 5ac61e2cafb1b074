package org.parrotscope.ocr;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What one {@link OcrRun} did; written as {@code <out>/ocr-run-<UTC time>.json}.
 *
 * @param engine the engine name
 * @param threads worker threads
 * @param shards shards given
 * @param shardsWritten shards whose JSONL this run wrote
 * @param shardsAlreadyDone shards skipped because an earlier run finished them
 * @param partialShards shards cut short by the limit (written, and redone by a later run)
 * @param unreadableShards shards that could not be opened at all (not written)
 * @param samples records written by this run
 * @param failed records with an {@code error}, by reason code ({@code corrupt_image}, {@code engine_error}, ...)
 * @param skippedByReason the reader's and decoder's skip log, by reason
 * @param words words spotted in total
 * @param seconds wall-clock time of the run
 * @param engineSeconds time inside the engine, summed over threads
 * @param decodeSeconds time decoding images, summed over threads
 */
public record OcrSummary(
        String engine,
        int threads,
        int shards,
        int shardsWritten,
        int shardsAlreadyDone,
        List<String> partialShards,
        List<String> unreadableShards,
        long samples,
        Map<String, Long> failed,
        Map<String, Long> skippedByReason,
        long words,
        double seconds,
        double engineSeconds,
        double decodeSeconds) {

    /** Copies the collections. */
    public OcrSummary {
        partialShards = List.copyOf(partialShards);
        unreadableShards = List.copyOf(unreadableShards);
        failed = Map.copyOf(new TreeMap<>(failed));
        skippedByReason = Map.copyOf(new TreeMap<>(skippedByReason));
    }

    /** @return records without error */
    public long succeeded() {
        return samples - failed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return samples per second over the run's wall-clock time */
    public double imagesPerSecond() {
        return seconds > 0 ? samples / seconds : 0;
    }

    /** @return this run as a one-row table, see {@link #toTable(Collection)} */
    public Table toTable() {
        return toTable(List.of(this));
    }

    /**
     * Runs side by side, one row each, e.g. one per engine over the same shards.
     *
     * @param runs the summaries, in row order
     * @return a new table: engine, threads, samples, failed, words, seconds, images_per_s
     */
    public static Table toTable(Collection<OcrSummary> runs) {
        return Table.create(
                "OCR runs",
                StringColumn.create(
                        "engine", runs.stream().map(OcrSummary::engine).toList()),
                IntColumn.create(
                        "threads", runs.stream().mapToInt(OcrSummary::threads).toArray()),
                LongColumn.create(
                        "samples", runs.stream().mapToLong(OcrSummary::samples).toArray()),
                LongColumn.create(
                        "failed",
                        runs.stream()
                                .mapToLong(r -> r.samples() - r.succeeded())
                                .toArray()),
                LongColumn.create(
                        "words", runs.stream().mapToLong(OcrSummary::words).toArray()),
                DoubleColumn.create(
                        "seconds",
                        runs.stream().mapToDouble(OcrSummary::seconds).toArray()),
                DoubleColumn.create(
                        "images_per_s",
                        runs.stream().mapToDouble(OcrSummary::imagesPerSecond).toArray()));
    }

    /** @return the summary as a JSON object with snake_case keys */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("engine", engine);
        o.addProperty("threads", threads);
        o.addProperty("shards", shards);
        o.addProperty("shards_written", shardsWritten);
        o.addProperty("shards_already_done", shardsAlreadyDone);
        o.add("partial_shards", strings(partialShards));
        o.add("unreadable_shards", strings(unreadableShards));
        o.addProperty("samples", samples);
        o.addProperty("samples_ok", succeeded());
        o.add("failed_by_reason", counts(failed));
        o.add("skipped_by_reason", counts(skippedByReason));
        o.addProperty("words", words);
        o.addProperty("seconds", round(seconds));
        o.addProperty("images_per_second", round(imagesPerSecond()));
        o.addProperty("engine_seconds", round(engineSeconds));
        o.addProperty("decode_seconds", round(decodeSeconds));
        return o;
    }

    private static JsonArray strings(List<String> l) {
        JsonArray a = new JsonArray();
        l.forEach(a::add);
        return a;
    }

    private static JsonObject counts(Map<String, Long> m) {
        JsonObject o = new JsonObject();
        new TreeMap<>(m).forEach(o::addProperty);
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
