package org.parrotscope.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parrotscope.edit.SyncStyle;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The synthetic-benchmark ("Sync score", paper Table 10) results: cosine between each rendered n-gram and
 * its own text, overall and grouped. Lower means less text-spotting bias.
 *
 * @param overall all n-grams and styles pooled
 * @param byStyle per background/text style ({@link SyncStyle#label()})
 * @param byFrequency per corpus-frequency tercile (high, mid, low, with count ranges)
 * @param byLength per text length in characters
 * @param scores every score, style by style in vocabulary order (the distribution of Fig. 8); may be empty
 */
public record SyncResult(
        GroupStats overall,
        Map<String, GroupStats> byStyle,
        Map<String, GroupStats> byFrequency,
        Map<String, GroupStats> byLength,
        List<Double> scores) {

    /**
     * A result without the single scores.
     *
     * @param overall all n-grams and styles pooled
     * @param byStyle per style
     * @param byFrequency per frequency tercile
     * @param byLength per text length
     */
    public SyncResult(
            GroupStats overall,
            Map<String, GroupStats> byStyle,
            Map<String, GroupStats> byFrequency,
            Map<String, GroupStats> byLength) {
        this(overall, byStyle, byFrequency, byLength, List.of());
    }

    /** Copies the maps, keeping their order, and the scores. */
    public SyncResult {
        scores = List.copyOf(scores);
        byStyle = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byStyle));
        byFrequency = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byFrequency));
        byLength = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byLength));
    }

    /** The ways the scores are grouped, each named as the first column of its tables. */
    public enum Grouping {
        /** Per background/text style. */
        STYLE("style"),
        /** Per corpus-frequency tercile. */
        FREQUENCY("frequency"),
        /** Per text length in characters. */
        LENGTH("length");

        private final String column;

        Grouping(String column) {
            this.column = column;
        }

        /** @return the name of the group column */
        public String column() {
            return column;
        }
    }

    /**
     * @param g a grouping
     * @return its groups, in their order
     */
    public Map<String, GroupStats> groups(Grouping g) {
        return switch (g) {
            case STYLE -> byStyle;
            case FREQUENCY -> byFrequency;
            case LENGTH -> byLength;
        };
    }

    /**
     * Every group in long form: the pooled row first ({@code overall}, {@code all}), then the styles, frequency
     * terciles and lengths.
     *
     * @return a new table: grouping, group, count, mean, std
     */
    public Table toTable() {
        List<String> grouping = new ArrayList<>(List.of("overall"));
        List<String> group = new ArrayList<>(List.of("all"));
        List<GroupStats> stats = new ArrayList<>(List.of(overall));
        for (Grouping g : Grouping.values()) {
            groups(g).forEach((k, v) -> {
                grouping.add(g.column());
                group.add(k);
                stats.add(v);
            });
        }
        return Table.create(
                "sync score",
                StringColumn.create("grouping", grouping),
                StringColumn.create("group", group),
                IntColumn.create(
                        "count", stats.stream().mapToInt(GroupStats::count).toArray()),
                DoubleColumn.create(
                        "mean", stats.stream().mapToDouble(GroupStats::mean).toArray()),
                DoubleColumn.create(
                        "std", stats.stream().mapToDouble(GroupStats::std).toArray()));
    }

    /**
     * Models side by side for one grouping: a row per group (in the first model's order, then groups only later
     * models have), a mean column per model and, when asked, its std column next to it; a group a model lacks is
     * NaN.
     *
     * @param byModel model name to its Sync result, in column order
     * @param g the grouping
     * @param withStd add a {@code <model> (std)} column after each model's mean
     * @return a new table: the grouping's column, then {@code <model>} [and {@code <model> (std)}] per model
     */
    public static Table toTable(Map<String, SyncResult> byModel, Grouping g, boolean withStd) {
        Set<String> keys = new LinkedHashSet<>();
        byModel.values().forEach(r -> keys.addAll(r.groups(g).keySet()));
        List<String> rows = List.copyOf(keys);
        Table t = Table.create("sync score by " + g.column(), StringColumn.create(g.column(), rows));
        byModel.forEach((name, r) -> {
            Map<String, GroupStats> m = r.groups(g);
            t.addColumns(DoubleColumn.create(
                    name,
                    rows.stream()
                            .mapToDouble(k -> m.containsKey(k) ? m.get(k).mean() : Double.NaN)
                            .toArray()));
            if (withStd) {
                t.addColumns(DoubleColumn.create(
                        name + " (std)",
                        rows.stream()
                                .mapToDouble(k -> m.containsKey(k) ? m.get(k).std() : Double.NaN)
                                .toArray()));
            }
        });
        return t;
    }
}
