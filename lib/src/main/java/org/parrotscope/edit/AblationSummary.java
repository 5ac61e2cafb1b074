package org.parrotscope.edit;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parrotscope.util.Json;

/**
 * What an ablation run did.
 *
 * @param shardsDone shards ablated by this run
 * @param shardsResumed shards skipped because a finished output was found
 * @param shardsRedone finished outputs found damaged and redone (included in {@code shardsDone})
 * @param shardsWithoutOcr shards skipped because their OCR file is missing
 * @param samples samples written by this run
 * @param textImages of these, images with spotted text
 * @param coImages of these, images with Co-Emb. text
 * @param pairs image-caption pairs scored (every variant counts)
 * @param seconds wall-clock time
 * @param skipped skipped samples by reason (undecodable images, no OCR record, no caption, ...)
 * @param corruptOcrLines OCR lines that could not be parsed
 */
public record AblationSummary(
        int shardsDone,
        int shardsResumed,
        int shardsRedone,
        List<String> shardsWithoutOcr,
        long samples,
        long textImages,
        long coImages,
        long pairs,
        double seconds,
        Map<String, Long> skipped,
        long corruptOcrLines) {

    /** Copies the collections. */
    public AblationSummary {
        shardsWithoutOcr = List.copyOf(shardsWithoutOcr);
        skipped = Map.copyOf(new TreeMap<>(skipped));
    }

    /** @return scored pairs per second */
    public double pairsPerSecond() {
        return seconds > 0 ? pairs / seconds : 0;
    }

    /** @return the summary as JSON */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("shards_done", shardsDone);
        o.addProperty("shards_resumed", shardsResumed);
        o.addProperty("shards_redone", shardsRedone);
        o.add("shards_without_ocr", Json.COMPACT.toJsonTree(shardsWithoutOcr));
        o.addProperty("samples", samples);
        o.addProperty("text_images", textImages);
        o.addProperty("co_emb_images", coImages);
        o.addProperty("pairs", pairs);
        o.addProperty("seconds", seconds);
        o.addProperty("pairs_per_second", pairsPerSecond());
        o.add("skipped", Json.COMPACT.toJsonTree(new TreeMap<>(skipped)));
        o.addProperty("corrupt_ocr_lines", corruptOcrLines);
        return o;
    }
}
