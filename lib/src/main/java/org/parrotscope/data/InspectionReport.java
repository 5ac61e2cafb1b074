package org.parrotscope.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link DatasetInspector} found in a dataset.
 *
 * @param shards the number of shards read
 * @param samplesRead samples the readers produced (before decoding images)
 * @param samples valid samples: read and with a decodable image
 * @param skipped skipped samples, by the readers and by the decoder
 * @param skippedByReason skipped samples per reason code, sorted
 * @param imagesByFormat valid images per actual format ({@code jpeg}, {@code png}, {@code webp}...), sorted
 * @param imagesBySize valid images per bucket of their shorter side, in {@link DatasetInspector#SIZE_BUCKETS} order
 * @param captionWords caption length in whitespace-separated words, over valid samples
 * @param captionChars caption length in Unicode code points, over valid samples
 * @param flaggedCaptions valid samples whose caption was not valid UTF-8
 * @param warningsByReason problems in kept samples per reason ({@code invalid_utf8_caption}, {@code malformed_json}),
 * sorted
 * @param skippedSamples the skipped samples themselves
 */
public record InspectionReport(
        long shards,
        long samplesRead,
        long samples,
        long skipped,
        Map<String, Long> skippedByReason,
        Map<String, Long> imagesByFormat,
        Map<String, Long> imagesBySize,
        LengthStats captionWords,
        LengthStats captionChars,
        long flaggedCaptions,
        Map<String, Long> warningsByReason,
        List<Skipped> skippedSamples) {

    /** The number of skipped samples listed by {@link #toText()}. */
    public static final int TEXT_SKIP_LIST = 20;

    /** Validates and copies the fields. */
    public InspectionReport {
        skippedByReason = Collections.unmodifiableMap(new TreeMap<>(skippedByReason));
        imagesByFormat = Collections.unmodifiableMap(new TreeMap<>(imagesByFormat));
        imagesBySize = Collections.unmodifiableMap(new LinkedHashMap<>(imagesBySize)); // bucket order, not alphabetical
        warningsByReason = Collections.unmodifiableMap(new TreeMap<>(warningsByReason));
        Objects.requireNonNull(captionWords, "captionWords");
        Objects.requireNonNull(captionChars, "captionChars");
        skippedSamples = List.copyOf(skippedSamples);
        if (samples > samplesRead) {
            throw new IllegalArgumentException("more valid samples (" + samples + ") than read (" + samplesRead + ")");
        }
    }

    /** @return the report as one JSON object ({@code samples}, {@code skipped}, {@code skipped_by_reason}, ...) */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("shards", shards);
        o.addProperty("samples", samples);
        o.addProperty("samples_read", samplesRead);
        o.addProperty("skipped", skipped);
        o.add("skipped_by_reason", counts(skippedByReason));
        o.add("images_by_format", counts(imagesByFormat));
        o.add("images_by_shorter_side", counts(imagesBySize));
        JsonObject captions = new JsonObject();
        captions.add("words", captionWords.toJson());
        captions.add("chars", captionChars.toJson());
        o.add("caption_length", captions);
        o.addProperty("flagged_captions", flaggedCaptions);
        o.add("warnings_by_reason", counts(warningsByReason));
        JsonArray list = new JsonArray();
        for (Skipped s : skippedSamples) {
            JsonObject e = new JsonObject();
            e.addProperty("key", s.key());
            e.addProperty("source", s.source());
            e.addProperty("reason", s.reason());
            e.addProperty("detail", s.detail());
            list.add(e);
        }
        o.add("skipped_samples", list);
        return o;
    }

    private static JsonObject counts(Map<String, Long> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::addProperty);
        return o;
    }

    /** @return a readable multi-line report with aligned tables */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %10d%n", "shards", shards));
        sb.append(String.format(Locale.ROOT, "%-28s %10d%n", "samples read", samplesRead));
        sb.append(String.format(Locale.ROOT, "%-28s %10d%n", "valid samples", samples));
        sb.append(String.format(Locale.ROOT, "%-28s %10d%n", "skipped", skipped));
        sb.append(String.format(Locale.ROOT, "%-28s %10d%n", "flagged captions (bad UTF-8)", flaggedCaptions));
        table(sb, "skipped by reason", skippedByReason);
        table(sb, "warnings (samples kept)", warningsByReason);
        table(sb, "images by format", imagesByFormat);
        table(sb, "images by shorter side (px)", imagesBySize);
        sb.append(String.format(
                Locale.ROOT, "%n%-16s %10s %10s %8s %8s%n", "caption length", "mean", "median", "p95", "max"));
        for (var row : List.of(Map.entry("words", captionWords), Map.entry("chars", captionChars))) {
            LengthStats s = row.getValue();
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-14s %10.2f %10.1f %8d %8d%n",
                    row.getKey(),
                    s.mean(),
                    s.median(),
                    s.p95(),
                    s.max()));
        }
        if (!skippedSamples.isEmpty()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%nskipped samples (first %d of %d)%n",
                    Math.min(TEXT_SKIP_LIST, skippedSamples.size()),
                    skipped));
            for (Skipped s : skippedSamples.subList(0, Math.min(TEXT_SKIP_LIST, skippedSamples.size()))) {
                sb.append("  ").append(s).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, Map<String, Long> m) {
        sb.append(System.lineSeparator()).append(title).append(System.lineSeparator());
        if (m.isEmpty()) {
            sb.append("  (none)").append(System.lineSeparator());
        }
        m.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-26s %10d%n", k, v)));
    }
}
