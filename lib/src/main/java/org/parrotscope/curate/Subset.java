package org.parrotscope.curate;

import java.util.List;
import java.util.Objects;

/**
 * One curated subset.
 *
 * @param criterion the rule it was selected by
 * @param pool how many candidates met the rule
 * @param keys the sampled keys, sorted
 */
public record Subset(Criterion criterion, int pool, List<String> keys) {

    /** Validates and copies. */
    public Subset {
        Objects.requireNonNull(criterion, "criterion");
        keys = List.copyOf(keys);
        if (keys.size() > pool) {
            throw new IllegalArgumentException(keys.size() + " keys sampled from a pool of " + pool);
        }
    }
}
