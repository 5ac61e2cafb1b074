package org.parrotscope.ocr;

import java.util.List;
import java.util.Objects;

/**
 * The OCR result for one sample: one line of a shard's JSONL file (see {@link OcrJsonl}).
 *
 * @param key the sample key
 * @param engine the engine name ({@code ppocr}, {@code tesseract}, {@code oracle})
 * @param width image width in pixels (0 when the image could not be decoded)
 * @param height image height in pixels (0 when the image could not be decoded)
 * @param words the spotted words in reading order; empty on error; copied
 * @param error null on success, else a short description starting with a reason code
 *     ({@code corrupt_image: ...}, {@code engine_error: ...})
 */
public record OcrRecord(String key, String engine, int width, int height, List<SpottedWord> words, String error) {

    /** Validates the fields and copies the word list. */
    public OcrRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(engine, "engine");
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative image size " + width + "x" + height + " for " + key);
        }
        words = words == null ? List.of() : List.copyOf(words);
        if (error != null && !words.isEmpty()) {
            throw new IllegalArgumentException("a failed record carries no words: " + key);
        }
    }

    /**
     * A successful result.
     *
     * @param key the sample key
     * @param engine the engine name
     * @param width image width
     * @param height image height
     * @param words the words
     * @return the record
     */
    public static OcrRecord ok(String key, String engine, int width, int height, List<SpottedWord> words) {
        return new OcrRecord(key, engine, width, height, words, null);
    }

    /**
     * A failed result.
     *
     * @param key the sample key
     * @param engine the engine name
     * @param width image width, 0 when unknown
     * @param height image height, 0 when unknown
     * @param error what went wrong
     * @return the record
     */
    public static OcrRecord failed(String key, String engine, int width, int height, String error) {
        return new OcrRecord(key, engine, width, height, List.of(), Objects.requireNonNull(error, "error"));
    }

    /** @return true when the sample failed (see {@link #error()}) */
    public boolean failed() {
        return error != null;
    }

    /** @return the words' texts joined by single spaces: the "OCR text" of the paper's Algorithm 1 */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (SpottedWord w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.text());
        }
        return sb.toString();
    }
}
