package org.parrotscope.parrot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Counts n-grams ("the set of all contiguous N word sequences", paper §3) for the vocabularies of Step 6:
 * caption 1-grams and 2-grams, co-emerging-text 1-grams. Grams are Algorithm-1 tokens joined by one space.
 * Not thread-safe.
 */
public final class NGramCounter {

    private final int n;
    private final Map<String, long[]> counts = new HashMap<>();
    private long total;

    /**
     * A counter of n-grams.
     *
     * @param n the gram length, &ge; 1
     */
    public NGramCounter(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        this.n = n;
    }

    /**
     * Counts every contiguous n-gram of a token sequence.
     *
     * @param tokens the tokens in order
     */
    public void addAll(List<String> tokens) {
        for (int i = 0; i + n <= tokens.size(); i++) {
            String gram = n == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + n));
            counts.computeIfAbsent(gram, k -> new long[1])[0]++;
            total++;
        }
    }

    /**
     * @param gram a gram
     * @return how often it was counted
     */
    public long count(String gram) {
        long[] c = counts.get(gram);
        return c == null ? 0 : c[0];
    }

    /** @return the number of distinct grams */
    public int distinct() {
        return counts.size();
    }

    /** @return the number of grams counted, with repeats */
    public long total() {
        return total;
    }

    /**
     * The most frequent grams, ties broken by the gram's text so the table is deterministic.
     *
     * @param name the table name
     * @param k how many to keep
     * @return a new table with columns {@code rank}, {@code gram}, {@code count}
     */
    public Table top(String name, int k) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        IntColumn rank = IntColumn.create("rank");
        StringColumn gram = StringColumn.create(StatsColumns.GRAM);
        LongColumn count = LongColumn.create(StatsColumns.COUNT);
        for (int i = 0; i < Math.min(k, entries.size()); i++) {
            rank.append(i + 1);
            gram.append(entries.get(i).getKey());
            count.append(entries.get(i).getValue()[0]);
        }
        return Table.create(name, rank, gram, count);
    }
}
