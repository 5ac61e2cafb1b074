package org.parrotscope.curate;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.Truth;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * For mini-LAION only: how the subsets selected on spotted text look under the generator's ground truth. A
 * comparison column, never a selection input (the paper has no truth; OCR misses make "w/o Emb. Text" impure).
 */
public final class TruthComparison {

    /** Column: share of the subset with printed text, by the truth. */
    public static final String TRUTH_TEXT_RATE = "truth_text_rate";
    /** Column: share whose caption repeats a printed word, by the truth. */
    public static final String TRUTH_PARROT_SHARE = "truth_parrot_share";

    private TruthComparison() {}

    /**
     * Adds the truth columns to a copy of the statistics table.
     *
     * @param statistics a table from {@link Curator#statistics}, rows in subset order
     * @param subsets the subsets
     * @param shards the mini-LAION shards the subsets came from
     * @return a new table with {@link #TRUTH_TEXT_RATE} and {@link #TRUTH_PARROT_SHARE}
     * @throws IOException when a shard cannot be read
     */
    public static Table add(Table statistics, List<Subset> subsets, List<Shard> shards) throws IOException {
        Map<String, boolean[]> truth = new HashMap<>();
        try (SampleStream s = Datasets.open(shards, new SkipLog())) {
            for (Sample x : s) {
                Truth t = Truth.fromJson(x.metadata());
                truth.put(
                        x.key(),
                        new boolean[] {t.hasText(), !t.captionWordsInImage().isEmpty()});
            }
        }
        Table out = statistics.copy();
        DoubleColumn text = DoubleColumn.create(TRUTH_TEXT_RATE);
        DoubleColumn parrot = DoubleColumn.create(TRUTH_PARROT_SHARE);
        for (Subset sub : subsets) {
            long n = 0;
            long t = 0;
            long p = 0;
            for (String k : sub.keys()) {
                boolean[] v = truth.get(k);
                if (v != null) {
                    n++;
                    t += v[0] ? 1 : 0;
                    p += v[1] ? 1 : 0;
                }
            }
            text.append(n == 0 ? Double.NaN : t / (double) n);
            parrot.append(n == 0 ? Double.NaN : p / (double) n);
        }
        return out.addColumns(text, parrot);
    }
}
