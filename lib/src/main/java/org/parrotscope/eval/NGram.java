package org.parrotscope.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.clip.WordTokenizer;

/**
 * An n-gram of a caption vocabulary with its corpus count (paper Step 6: vocabularies of the most frequent
 * n-grams of the captions).
 *
 * @param text the n-gram, words joined by one space
 * @param count occurrences in the corpus
 */
public record NGram(String text, long count) {

    /** Validates the fields. */
    public NGram {
        if (text == null || text.isBlank() || count < 1) {
            throw new IllegalArgumentException("an n-gram needs text and a positive count");
        }
    }

    /**
     * Counts the contiguous n-word sequences of captions and keeps the most frequent. Words are {@link
     * WordTokenizer#words}: lower-cased, split at every run of characters that are not letters or digits, nothing
     * filtered (see {@link SyncBenchmark} for what that means for the Sync vocabulary).
     *
     * @param captions the corpus
     * @param n the gram length in words
     * @param limit the maximum number kept (the paper keeps 400,000)
     * @return n-grams by descending count, ties alphabetical
     */
    public static List<NGram> vocabulary(Iterable<String> captions, int n, int limit) {
        Map<String, Long> counts = new HashMap<>();
        for (String c : captions) {
            List<String> w = WordTokenizer.words(c);
            for (int i = 0; i + n <= w.size(); i++) {
                counts.merge(String.join(" ", w.subList(i, i + n)), 1L, Long::sum);
            }
        }
        List<NGram> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new NGram(k, v)));
        out.sort((a, b) -> a.count != b.count ? Long.compare(b.count, a.count) : a.text.compareTo(b.text));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }
}
