package org.parrotscope.ocr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.parrotscope.data.Sample;

/**
 * The {@code oracle} engine: returns the ground-truth words that the mini-LAION generator stored in each
 * sample's metadata ({@code truth.words}: {@code {"text", "box": [x0, y0, x1, y1]}}), with confidence 1
 * and the box corners as polygon. It measures what the statistics would be with a perfect spotter
 * (issue 3: the oracle must reproduce the generator's exact statistics). Samples without {@code truth}
 * are an error (the engine cannot know their words); a {@code truth} without {@code words} means no text.
 */
public final class OracleSpotter implements SampleSpotter {

    /** Engine name. */
    public static final String NAME = "oracle";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SpottedWord> spot(Sample sample, BufferedImage image) throws OcrException {
        return truthWords(sample);
    }

    /**
     * Reads a sample's ground-truth words.
     *
     * @param sample a mini-LAION sample
     * @return its rendered words in stored order (blank texts skipped)
     * @throws OcrException when the metadata has no {@code truth} object or a word is malformed
     */
    public static List<SpottedWord> truthWords(Sample sample) throws OcrException {
        JsonElement truth = sample.metadata().get("truth");
        if (truth == null || !truth.isJsonObject()) {
            throw new OcrException("sample " + sample.key()
                    + " has no ground truth ('truth' in its .json): the oracle engine needs mini-LAION samples");
        }
        JsonElement ws = truth.getAsJsonObject().get("words");
        List<SpottedWord> out = new ArrayList<>();
        if (ws == null || ws.isJsonNull()) {
            return out;
        }
        try {
            for (JsonElement we : ws.getAsJsonArray()) {
                JsonObject w = we.getAsJsonObject();
                String text = w.get("text").getAsString();
                if (text.isBlank()) {
                    continue;
                }
                JsonArray b = w.getAsJsonArray("box");
                Box box = new Box(
                        b.get(0).getAsFloat(),
                        b.get(1).getAsFloat(),
                        b.get(2).getAsFloat(),
                        b.get(3).getAsFloat());
                out.add(SpottedWord.ofBox(text.strip(), 1f, box));
            }
        } catch (RuntimeException e) {
            throw new OcrException("sample " + sample.key() + ": malformed truth.words: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        // no resources
    }
}
