package org.parrotscope.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import org.parrotscope.util.Json;

/**
 * Turns the parts read for one key (image, caption, metadata) into a {@link Sample}, or records why
 * it is skipped. Shared by the tar and the folder readers so both apply the same rules:
 * <ul>
 *   <li>no image file: {@code missing_image}; a 0-byte image: {@code empty_file};</li>
 *   <li>no caption or a blank one: {@code missing_caption}, unless {@link ReadOptions#keepMissingCaptions()};</li>
 * <li>a caption that is not valid UTF-8: kept, decoded with U+FFFD, {@code captionFlagged}, warning {@code
 * invalid_utf8_caption};</li>
 *   <li>malformed {@code .json} metadata: kept with empty metadata, warning {@code malformed_json}.</li>
 * </ul>
 * Captions are stripped of surrounding whitespace (hand-made files end with a newline).
 */
final class SampleAssembler {

    private final String source;
    private final ReadOptions options;
    private final SkipLog skips;

    SampleAssembler(String source, ReadOptions options, SkipLog skips) {
        this.source = source;
        this.options = options;
        this.skips = skips;
    }

    /**
     * @param key the sample key
     * @param imageExt the image extension, or null when there is no image
     * @param image the image bytes, or null
     * @param caption the decoded caption, or null when there is none
     * @param metadata the metadata bytes, or null
     * @param baseMetadata metadata from elsewhere (a CSV row's other columns), or null
     * @return the sample, or null when it was skipped
     */
    Sample assemble(
            String key,
            String imageExt,
            byte[] image,
            Captions.Text caption,
            byte[] metadata,
            JsonObject baseMetadata) {
        if (image == null) {
            skips.add(new Skipped(key, source, "missing_image", "no image file for key " + key));
            return null;
        }
        if (image.length == 0) {
            skips.add(new Skipped(key, source, "empty_file", key + "." + imageExt + " has 0 bytes"));
            return null;
        }
        String text = caption == null ? "" : Captions.clean(caption.text());
        if (text.isEmpty() && !options.keepMissingCaptions()) {
            skips.add(new Skipped(
                    key, source, "missing_caption", caption == null ? "no caption" : "the caption is empty"));
            return null;
        }
        boolean flagged = caption != null && caption.flagged();
        if (flagged) {
            skips.warn(new Skipped(
                    key, source, "invalid_utf8_caption", "caption is not valid UTF-8; decoded with U+FFFD: " + text));
        }
        JsonObject meta = baseMetadata == null ? new JsonObject() : baseMetadata;
        if (metadata != null) {
            JsonObject parsed = parseObject(key, metadata);
            if (parsed != null) {
                for (var e : parsed.entrySet()) {
                    meta.add(e.getKey(), e.getValue());
                }
            }
        }
        return new Sample(key, text, imageExt, image, meta, source, flagged);
    }

    private JsonObject parseObject(String key, byte[] metadata) {
        String text = new String(metadata, StandardCharsets.UTF_8);
        try {
            JsonElement e = Json.parse(text);
            if (e.isJsonObject()) {
                return e.getAsJsonObject();
            }
            skips.warn(new Skipped(
                    key, source, "malformed_json", key + ".json is not a JSON object; metadata left empty"));
        } catch (JsonParseException | IllegalStateException e) {
            skips.warn(new Skipped(
                    key, source, "malformed_json", key + ".json: " + e.getMessage() + "; metadata left empty"));
        }
        return null;
    }
}
