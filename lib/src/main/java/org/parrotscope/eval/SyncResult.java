package org.parrotscope.eval;

import java.util.Map;
import org.parrotscope.edit.SyncStyle;

/**
 * The synthetic-benchmark ("Sync score", paper Table 10) results: cosine between each rendered n-gram and
 * its own text, overall and grouped. Lower means less text-spotting bias.
 *
 * @param overall all n-grams and styles pooled
 * @param byStyle per background/text style ({@link SyncStyle#label()})
 * @param byFrequency per corpus-frequency tercile (high, mid, low, with count ranges)
 * @param byLength per text length in characters
 */
public record SyncResult(
        GroupStats overall,
        Map<String, GroupStats> byStyle,
        Map<String, GroupStats> byFrequency,
        Map<String, GroupStats> byLength) {

    /** Copies the maps, keeping their order. */
    public SyncResult {
        byStyle = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byStyle));
        byFrequency = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byFrequency));
        byLength = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byLength));
    }
}
