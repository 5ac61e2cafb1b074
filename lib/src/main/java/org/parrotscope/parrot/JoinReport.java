package org.parrotscope.parrot;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parrotscope.util.Json;

/**
 * What happened while joining shard captions with OCR records: every sample or record left out of the statistics
 * is counted here, never silently dropped.
 *
 * @param samples samples read from the shards
 * @param joined samples with a successful OCR record (the images the statistics describe)
 * @param missingOcr samples without any OCR record (not in the statistics)
 * @param ocrErrors samples whose OCR record carries an {@code error} (not in the statistics)
 * @param ocrErrorsByReason the errors by reason code (the text before the first ':')
 * @param orphanOcr OCR records whose key is not a sample of the shard
 * @param duplicateOcr repeated OCR records for one key (the first is used)
 * @param corruptOcrLines OCR lines that are not valid records (skipped)
 * @param shardsWithoutOcr shards with no {@code <name>.jsonl} in the OCR folder (their samples count as missing)
 * @param skippedSamples samples the shard reader skipped, by reason (damaged tar entries, missing images, ...)
 * @param engines the OCR engine names seen in the joined records
 */
public record JoinReport(
        long samples,
        long joined,
        long missingOcr,
        long ocrErrors,
        Map<String, Long> ocrErrorsByReason,
        long orphanOcr,
        long duplicateOcr,
        long corruptOcrLines,
        List<String> shardsWithoutOcr,
        Map<String, Long> skippedSamples,
        List<String> engines) {

    /** Copies the collections (maps sorted by key). */
    public JoinReport {
        ocrErrorsByReason = java.util.Collections.unmodifiableMap(new TreeMap<>(ocrErrorsByReason));
        skippedSamples = java.util.Collections.unmodifiableMap(new TreeMap<>(skippedSamples));
        shardsWithoutOcr = List.copyOf(shardsWithoutOcr);
        engines = List.copyOf(engines);
        if (joined + missingOcr + ocrErrors != samples) {
            throw new IllegalArgumentException("samples " + samples + " != joined " + joined + " + missing "
                    + missingOcr + " + errors " + ocrErrors);
        }
    }

    /** @return true when every sample has a successful OCR record and every record a sample */
    public boolean complete() {
        return missingOcr == 0
                && ocrErrors == 0
                && orphanOcr == 0
                && duplicateOcr == 0
                && corruptOcrLines == 0
                && shardsWithoutOcr.isEmpty()
                && skippedSamples.isEmpty();
    }

    /** @return the report as JSON with snake_case keys ({@code samples}, {@code joined}, {@code missing_ocr}, ...) */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("samples", samples);
        o.addProperty("joined", joined);
        o.addProperty("missing_ocr", missingOcr);
        o.addProperty("ocr_errors", ocrErrors);
        o.add("ocr_errors_by_reason", Json.COMPACT.toJsonTree(ocrErrorsByReason));
        o.addProperty("orphan_ocr", orphanOcr);
        o.addProperty("duplicate_ocr", duplicateOcr);
        o.addProperty("corrupt_ocr_lines", corruptOcrLines);
        o.add("shards_without_ocr", Json.COMPACT.toJsonTree(shardsWithoutOcr));
        o.add("skipped_samples", Json.COMPACT.toJsonTree(skippedSamples));
        o.add("engines", Json.COMPACT.toJsonTree(engines));
        return o;
    }

    /** @return one line naming everything not counted in the statistics */
    public String describe() {
        return "samples " + samples + ", joined " + joined + "; not counted: missing OCR " + missingOcr
                + ", OCR errors "
                + ocrErrors + (ocrErrorsByReason.isEmpty() ? "" : " " + ocrErrorsByReason)
                + ", OCR records without sample "
                + orphanOcr + ", duplicate OCR records " + duplicateOcr + ", corrupt OCR lines " + corruptOcrLines
                + ", skipped samples "
                + skippedSamples.values().stream().mapToLong(Long::longValue).sum()
                + (skippedSamples.isEmpty() ? "" : " " + skippedSamples)
                + (shardsWithoutOcr.isEmpty() ? "" : ", shards without OCR file " + shardsWithoutOcr);
    }
}
