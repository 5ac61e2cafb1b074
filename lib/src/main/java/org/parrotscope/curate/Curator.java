package org.parrotscope.curate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Samples each criterion's candidates to a common size (paper Step 7: the subsets of a curation have equal
 * size, e.g. 3M), writes one manifest per subset and derives the statistics table.
 */
public final class Curator {

    /** Column names of {@link #statistics}. */
    public static final String SUBSET = "subset";
    /** The curation a subset belongs to. */
    public static final String FAMILY = "curation";
    /** The paper's row label. */
    public static final String LABEL = "label";
    /** Candidates meeting the criterion. */
    public static final String POOL = "pool";
    /** Sampled size. */
    public static final String SIZE = "size";
    /** Share of the subset with spotted text. */
    public static final String TEXT_RATE = "text_rate";
    /** Mean CoTR over the subset (0 for images without text). */
    public static final String MEAN_COTR = "mean_cotr";
    /** Mean raw CLIP score, the paper's "Avg. S" column (Tables 5, 6). */
    public static final String AVG_S = "avg_s";
    /** Mean RSA over the subset's samples that have one. */
    public static final String MEAN_RSA = "mean_rsa";
    /** Mean RSC over the subset's samples that have one. */
    public static final String MEAN_RSC = "mean_rsc";

    private Curator() {}

    /**
     * Selects and samples every criterion. With {@code size > 0} every subset has that size; with 0, the subsets
     * of one curation (criterion family) share the size of its smallest pool. The sample of a criterion depends
     * only on the seed and the criterion id, not on the other criteria.
     *
     * @param in the candidates
     * @param criteria the rules
     * @param size the common size, or 0
     * @param seed the sampling seed
     * @return the subsets, in criterion order
     * @throws SubsetTooSmallException naming each criterion with too few candidates and its count
     */
    public static List<Subset> curate(CurationInputs in, List<Criterion> criteria, int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("subset size must be >= 0, got " + size);
        }
        Map<Criterion, List<String>> pools = new LinkedHashMap<>();
        for (Criterion c : criteria) {
            List<String> keys = new ArrayList<>();
            for (Candidate x : in.candidates()) {
                if (c.test().test(x)) {
                    keys.add(x.key());
                }
            }
            Collections.sort(keys); // input order must not change the sample
            pools.put(c, keys);
        }
        Map<String, Integer> familySize = new LinkedHashMap<>();
        pools.forEach((c, k) -> familySize.merge(c.family(), size > 0 ? size : k.size(), Math::min));
        Map<String, Integer> shortfalls = new LinkedHashMap<>();
        pools.forEach((c, k) -> {
            int want = familySize.get(c.family());
            if (k.size() < want || want == 0) {
                shortfalls.put(c.label() + " (" + c.id() + ")", k.size());
            }
        });
        if (!shortfalls.isEmpty()) {
            throw new SubsetTooSmallException(Math.max(size, 1), shortfalls);
        }
        List<Subset> out = new ArrayList<>();
        pools.forEach((c, k) -> {
            List<String> shuffled = new ArrayList<>(k);
            Collections.shuffle(shuffled, new Random(seed * 31 + c.id().hashCode()));
            List<String> chosen = new ArrayList<>(shuffled.subList(0, familySize.get(c.family())));
            Collections.sort(chosen);
            out.add(new Subset(c, k.size(), chosen));
        });
        return out;
    }

    /**
     * What {@link #curateEach} made: the subsets of every curation that could be sampled, and for each one that
     * could not, the reason.
     *
     * @param subsets the subsets, in criterion order
     * @param skipped curation (criterion family) to the {@link SubsetTooSmallException} message naming its
     *     criteria and counts
     */
    public record Outcome(List<Subset> subsets, Map<String, String> skipped) {
        /** Copies the collections. */
        public Outcome {
            subsets = List.copyOf(subsets);
            skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }

    /**
     * As {@link #curate}, one curation (criterion family) at a time, so that a curation whose pools are too small
     * is reported and left out instead of failing the others. The samples equal {@link #curate}'s, which depend
     * only on the seed and each criterion's id.
     *
     * @param in the candidates
     * @param criteria the rules
     * @param size the common size, or 0
     * @param seed the sampling seed
     * @return the subsets and the skipped curations
     */
    public static Outcome curateEach(CurationInputs in, List<Criterion> criteria, int size, long seed) {
        Map<String, List<Criterion>> families = new LinkedHashMap<>();
        criteria.forEach(c ->
                families.computeIfAbsent(c.family(), f -> new ArrayList<>()).add(c));
        List<Subset> out = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        families.forEach((family, list) -> {
            try {
                out.addAll(curate(in, list, size, seed));
            } catch (SubsetTooSmallException e) {
                skipped.put(family, e.getMessage());
            }
        });
        return new Outcome(out, skipped);
    }

    /**
     * Writes one manifest per subset, {@code <dir>/<id>.json} in the {@code parrotscope train --data} format
     * ({@code {"shards": [...], "keys": [...]}}), each atomically.
     *
     * @param subsets the subsets
     * @param shardSpecs the shard specs (absolute, or relative to {@code dir})
     * @param dir the output folder
     * @return id to manifest path
     * @throws IOException when writing fails
     */
    public static Map<String, Path> writeManifests(List<Subset> subsets, List<String> shardSpecs, Path dir)
            throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Subset s : subsets) {
            JsonObject o = new JsonObject();
            JsonArray sh = new JsonArray();
            shardSpecs.forEach(sh::add);
            o.add("shards", sh);
            JsonArray k = new JsonArray();
            s.keys().forEach(k::add);
            o.add("keys", k);
            o.addProperty("criterion", s.criterion().label());
            Path f = dir.resolve(s.criterion().id() + ".json");
            AtomicFiles.write(f, w -> w.write(Json.PRETTY.toJson(o).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            out.put(s.criterion().id(), f);
        }
        return out;
    }

    /**
     * Per-subset statistics: size, text rate, mean CoTR, mean raw score ("Avg. S"), mean RSA and RSC (NaN where
     * the values were not joined).
     *
     * @param in the candidates the subsets came from
     * @param subsets the subsets
     * @return a new table, one row per subset
     */
    public static Table statistics(CurationInputs in, List<Subset> subsets) {
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        in.candidates().forEach(c -> byKey.put(c.key(), c));
        Table t = Table.create(
                "curated subsets",
                StringColumn.create(SUBSET),
                StringColumn.create(FAMILY),
                StringColumn.create(LABEL),
                IntColumn.create(POOL),
                IntColumn.create(SIZE),
                DoubleColumn.create(TEXT_RATE),
                DoubleColumn.create(MEAN_COTR),
                DoubleColumn.create(AVG_S),
                DoubleColumn.create(MEAN_RSA),
                DoubleColumn.create(MEAN_RSC));
        for (Subset s : subsets) {
            Mean text = new Mean();
            Mean cotr = new Mean();
            Mean score = new Mean();
            Mean rsa = new Mean();
            Mean rsc = new Mean();
            for (String k : s.keys()) {
                Candidate c = byKey.get(k);
                text.add(c.hasText() ? 1 : 0);
                cotr.add(c.cotr());
                score.add(c.clipScore());
                rsa.add(c.rsa());
                rsc.add(c.rsc());
            }
            t.stringColumn(SUBSET).append(s.criterion().id());
            t.stringColumn(FAMILY).append(s.criterion().family());
            t.stringColumn(LABEL).append(s.criterion().label());
            t.intColumn(POOL).append(s.pool());
            t.intColumn(SIZE).append(s.keys().size());
            t.doubleColumn(TEXT_RATE).append(text.get());
            t.doubleColumn(MEAN_COTR).append(cotr.get());
            t.doubleColumn(AVG_S).append(score.get());
            t.doubleColumn(MEAN_RSA).append(rsa.get());
            t.doubleColumn(MEAN_RSC).append(rsc.get());
        }
        return t;
    }

    /** A mean that skips NaN values and is NaN when it saw none. */
    private static final class Mean {
        private double sum;
        private long n;

        void add(double v) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }

        double get() {
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    /**
     * The statistics table as console lines, one per subset, as the {@code curate} commands print it.
     *
     * @param t a table of {@link #statistics}' columns
     * @return one line per row
     */
    public static List<String> statisticsLines(Table t) {
        List<String> lines = new ArrayList<>(t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            lines.add(String.format(
                    java.util.Locale.ROOT,
                    "%-18s %-28s pool %7d  size %7d  text %.3f  CoTR %.3f  Avg.S %.4f",
                    t.stringColumn(SUBSET).get(i),
                    t.stringColumn(LABEL).get(i),
                    t.intColumn(POOL).getInt(i),
                    t.intColumn(SIZE).getInt(i),
                    t.doubleColumn(TEXT_RATE).getDouble(i),
                    t.doubleColumn(MEAN_COTR).getDouble(i),
                    t.doubleColumn(AVG_S).getDouble(i)));
        }
        return lines;
    }
}
