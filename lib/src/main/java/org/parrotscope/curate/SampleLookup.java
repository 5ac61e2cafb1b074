package org.parrotscope.curate;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;

/** Fetches a few samples by key from shards (one streaming pass), e.g. for a grid of a cluster's top images. */
public final class SampleLookup {

    private SampleLookup() {}

    /**
     * @param shards the shards
     * @param keys the wanted keys
     * @return the found samples, in the order of {@code keys}; keys not found are absent
     * @throws IOException when a shard cannot be opened
     */
    public static Map<String, Sample> find(List<Shard> shards, Collection<String> keys) throws IOException {
        Set<String> want = new HashSet<>(keys);
        Map<String, Sample> found = new LinkedHashMap<>();
        try (SampleStream s = Datasets.open(shards, new SkipLog())) {
            for (Sample x : s) {
                if (want.contains(x.key())) {
                    found.putIfAbsent(x.key(), x);
                    if (found.size() == want.size()) {
                        break;
                    }
                }
            }
        }
        Map<String, Sample> ordered = new LinkedHashMap<>();
        for (String k : keys) {
            if (found.containsKey(k)) {
                ordered.put(k, found.get(k));
            }
        }
        return ordered;
    }
}
