package org.parrotscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of a run's skipped samples, plus warnings about samples that were kept despite a problem
 * (a caption decoded with replacement characters, malformed {@code .json} metadata). Readers and later
 * stages add to it instead of throwing, so bad input never stops a run; reports print
 * {@link #countsByReason()}. Thread-safe.
 */
public final class SkipLog {

    private final List<Skipped> skipped = new ArrayList<>();
    private final List<Skipped> warnings = new ArrayList<>();

    /**
     * Records a skipped sample.
     *
     * @param s the skipped sample
     */
    public synchronized void add(Skipped s) {
        skipped.add(java.util.Objects.requireNonNull(s, "skipped"));
    }

    /** @return the skipped samples in the order they were recorded (a copy) */
    public synchronized List<Skipped> entries() {
        return List.copyOf(skipped);
    }

    /** @return the number of skipped samples per reason, sorted by reason (a copy) */
    public synchronized Map<String, Long> countsByReason() {
        return count(skipped);
    }

    /** @return the number of skipped samples */
    public synchronized long total() {
        return skipped.size();
    }

    /**
     * Records a problem with a sample that was kept (not counted in {@link #total()}).
     *
     * @param w the problem, with the same fields as a skip
     */
    public synchronized void warn(Skipped w) {
        warnings.add(java.util.Objects.requireNonNull(w, "warning"));
    }

    /** @return the warnings in the order they were recorded (a copy) */
    public synchronized List<Skipped> warnings() {
        return List.copyOf(warnings);
    }

    /** @return the number of warnings per reason, sorted by reason (a copy) */
    public synchronized Map<String, Long> warningsByReason() {
        return count(warnings);
    }

    private static Map<String, Long> count(List<Skipped> list) {
        Map<String, Long> counts = new TreeMap<>();
        for (Skipped s : list) {
            counts.merge(s.reason(), 1L, Long::sum);
        }
        return counts;
    }
}
