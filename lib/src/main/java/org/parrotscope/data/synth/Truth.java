package org.parrotscope.data.synth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ground truth of one mini-LAION sample, stored under {@code truth} in the sample's {@code .json}.
 *
 * @param className the object class ({@code class} in JSON)
 * @param color the object's colour name
 * @param background the background kind: plain, gradient, texture or clutter
 * @param captionStyle how the caption was written: descriptive, parrot, mixed or alt_text
 * @param words every rendered word with its box, in reading order; empty for an image without text
 * @param captionWordsInImage the caption's whitespace-split words printed in the image (exact, case-sensitive
 *     match), each once, in caption order: the Co-Emb. text of Algorithm 1
 */
public record Truth(
        String className,
        String color,
        String background,
        String captionStyle,
        List<WordBox> words,
        List<String> captionWordsInImage) {

    /** Validates and copies the fields. */
    public Truth {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(captionStyle, "captionStyle");
        words = List.copyOf(words);
        captionWordsInImage = List.copyOf(captionWordsInImage);
    }

    /** @return true when the image carries embedded text */
    public boolean hasText() {
        return !words.isEmpty();
    }

    /** @return the JSON object written under {@code truth} */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("class", className);
        o.addProperty("color", color);
        o.addProperty("background", background);
        o.addProperty("caption_style", captionStyle);
        JsonArray ws = new JsonArray();
        for (WordBox w : words) {
            JsonObject jw = new JsonObject();
            jw.addProperty("text", w.text());
            JsonArray box = new JsonArray();
            box.add(w.x0());
            box.add(w.y0());
            box.add(w.x1());
            box.add(w.y1());
            jw.add("box", box);
            ws.add(jw);
        }
        o.add("words", ws);
        JsonArray co = new JsonArray();
        captionWordsInImage.forEach(co::add);
        o.add("caption_words_in_image", co);
        return o;
    }

    /**
     * Reads the truth of a sample's metadata.
     *
     * @param metadata the sample's {@code .json} object
     * @return the truth
     * @throws IllegalArgumentException when there is no valid {@code truth} object (not a mini-LAION sample)
     */
    public static Truth fromJson(JsonObject metadata) {
        if (!metadata.has("truth") || !metadata.get("truth").isJsonObject()) {
            throw new IllegalArgumentException("sample metadata has no 'truth' object (not a mini-LAION sample)");
        }
        JsonObject t = metadata.getAsJsonObject("truth");
        List<WordBox> words = new ArrayList<>();
        for (JsonElement e : t.getAsJsonArray("words")) {
            JsonObject w = e.getAsJsonObject();
            JsonArray b = w.getAsJsonArray("box");
            words.add(new WordBox(
                    w.get("text").getAsString(),
                    b.get(0).getAsInt(),
                    b.get(1).getAsInt(),
                    b.get(2).getAsInt(),
                    b.get(3).getAsInt()));
        }
        List<String> co = new ArrayList<>();
        t.getAsJsonArray("caption_words_in_image").forEach(e -> co.add(e.getAsString()));
        String style = t.has("caption_style") ? t.get("caption_style").getAsString() : "";
        return new Truth(
                t.get("class").getAsString(),
                t.get("color").getAsString(),
                t.get("background").getAsString(),
                style,
                words,
                co);
    }
}
