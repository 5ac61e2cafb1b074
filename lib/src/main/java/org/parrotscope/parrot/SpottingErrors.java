package org.parrotscope.parrot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;

/** The images an engine got wrong against ground truth, for showing its typical errors. */
public final class SpottingErrors {

    /**
     * One image's errors.
     *
     * @param key the sample key
     * @param layout the layout id
     * @param missed printed words the engine did not spell exactly (multiset difference)
     * @param extra spotted words that were not printed
     */
    public record Error(String key, String layout, List<String> missed, List<String> extra) {
        /** Checks and copies the fields. */
        public Error {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(layout, "layout");
            missed = List.copyOf(missed);
            extra = List.copyOf(extra);
        }

        /** @return a one-line label: missed and extra words */
        public String label() {
            return layout + ": missed " + missed + ", read " + extra;
        }
    }

    private SpottingErrors() {}

    /**
     * The first images with a missed word, at most {@code perLayout} of each layout, in sample order.
     *
     * @param truth captions and printed words
     * @param records the engine's records
     * @param perLayout images per layout
     * @return the errors
     */
    public static List<Error> firstByLayout(TruthImages truth, List<OcrRecord> records, int perLayout) {
        Map<String, OcrRecord> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<Error> out = new ArrayList<>();
        for (TruthImages.Image img : truth.byKey().values()) {
            OcrRecord r = byKey.get(img.key());
            if (r == null || taken.getOrDefault(img.layout(), 0) >= perLayout) {
                continue;
            }
            List<String> spotted = r.failed()
                    ? List.of()
                    : r.words().stream().map(SpottedWord::text).toList();
            List<String> missed = new ArrayList<>(img.words());
            spotted.forEach(missed::remove);
            if (missed.isEmpty()) {
                continue;
            }
            List<String> extra = new ArrayList<>(spotted);
            img.words().forEach(extra::remove);
            out.add(new Error(img.key(), img.layout(), missed, extra));
            taken.merge(img.layout(), 1, Integer::sum);
        }
        return out;
    }
}
