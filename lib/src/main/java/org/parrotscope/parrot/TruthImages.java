package org.parrotscope.parrot;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.Truth;
import org.parrotscope.data.synth.WordBox;

/**
 * The captions and ground truth of generated shards, by sample key: what engine OCR is scored against at the
 * image level ({@link SpottingAccuracy}, {@link MatchingStudy}).
 *
 * @param byKey one entry per sample, in shard order
 */
public record TruthImages(Map<String, Image> byKey) {

    /**
     * One sample's caption and truth.
     *
     * @param key the sample key
     * @param caption the caption
     * @param words the printed words as printed, every occurrence (a watermark once per tile)
     * @param layout the hard layout id, {@code none} for a hard image without text, {@code standard} for a
     *     standard mini-LAION sample
     */
    public record Image(String key, String caption, List<String> words, String layout) {
        /** Checks and copies the fields. */
        public Image {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(layout, "layout");
            words = List.copyOf(words);
        }
    }

    /** Copies the map, keeping its order. */
    public TruthImages {
        byKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    /**
     * Reads every sample's caption and truth.
     *
     * @param shards generated shards (mini-LAION or {@code synth --hard})
     * @return the images
     * @throws IOException when a shard cannot be opened
     * @throws IllegalArgumentException naming the sample when one has no ground truth
     */
    public static TruthImages read(List<Shard> shards) throws IOException {
        Map<String, Image> out = new LinkedHashMap<>();
        SkipLog skips = new SkipLog();
        try (SampleStream stream = Datasets.open(shards, skips)) {
            for (Sample s : stream) {
                JsonObject meta = s.metadata();
                Truth t;
                try {
                    t = Truth.fromJson(meta);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "sample " + s.key() + " has no usable ground truth: " + e.getMessage(), e);
                }
                List<String> words = new ArrayList<>();
                for (WordBox w : t.words()) {
                    words.add(w.text());
                }
                String layout = MiniLaion.layoutOf(meta);
                out.put(s.key(), new Image(s.key(), s.caption(), words, layout == null ? "standard" : layout));
            }
        }
        return new TruthImages(out);
    }

    /** @return the layout ids present, in first-occurrence order */
    public List<String> layouts() {
        return byKey.values().stream().map(Image::layout).distinct().toList();
    }
}
