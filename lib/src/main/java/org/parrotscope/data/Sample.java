package org.parrotscope.data;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * One image-text pair as stored in a WebDataset shard or an image folder: the raw image bytes (decoded
 * only on demand, see {@code ImageDecoder}), the caption and the sample's JSON metadata.
 *
 * @param key the sample key: the file name up to its first dot ({@code 000000123})
 * @param caption the caption text; empty when missing
 * @param imageExt the image extension as stored, lower case without the dot ({@code jpg}, {@code png}, {@code webp})
 * @param imageBytes the encoded image; not copied, callers must not modify it
 * @param metadata the sample's {@code .json} object (img2dataset fields, and {@code truth} for mini-LAION); never null
 * @param source where the sample came from: the shard or folder path, for error reports
 * @param captionFlagged true when the caption was not valid UTF-8 and was decoded with replacement characters
 */
public record Sample(
        String key,
        String caption,
        String imageExt,
        byte[] imageBytes,
        JsonObject metadata,
        String source,
        boolean captionFlagged) {

    /** Validates the fields. */
    public Sample {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(imageExt, "imageExt");
        Objects.requireNonNull(imageBytes, "imageBytes");
        caption = caption == null ? "" : caption;
        metadata = metadata == null ? new JsonObject() : metadata;
        source = source == null ? "" : source;
    }

    /**
     * A sample with a valid caption.
     *
     * @param key the key
     * @param caption the caption
     * @param imageExt the image extension
     * @param imageBytes the encoded image
     * @param metadata the metadata object
     * @param source the shard or folder
     */
    public Sample(String key, String caption, String imageExt, byte[] imageBytes, JsonObject metadata, String source) {
        this(key, caption, imageExt, imageBytes, metadata, source, false);
    }

    @Override
    public String toString() {
        return "Sample[" + key + " from " + source + ", " + imageExt + " " + imageBytes.length + " bytes, caption="
                + caption + "]";
    }
}
