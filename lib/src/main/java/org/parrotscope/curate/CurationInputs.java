package org.parrotscope.curate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.parrotscope.data.Shard;
import org.parrotscope.parrot.CaptionOcrJoin;
import org.parrotscope.parrot.ImageStats;
import org.parrotscope.parrot.JoinReport;
import org.parrotscope.parrot.Matching;
import org.parrotscope.parrot.StatsConfig;
import org.parrotscope.util.Progress;

/**
 * Everything the curations select on, one {@link Candidate} per sample with an OCR record: built from the shards
 * and the OCR outputs, then joined with CLIP scores, relative scores, clusters and aesthetic scores by key. A
 * sample missing from a later file keeps NaN (or cluster -1) and fails every criterion that needs the value.
 * Immutable: each {@code with} method returns a new instance.
 */
public final class CurationInputs {

    /** The ablation CSV header, exactly (written by {@code parrotscope ablate}). */
    public static final List<String> ABLATION_HEADER =
            List.of("key", "shard", "has_text", "s_raw", "s_all", "s_co", "s_rand_all", "s_rand_co", "rsa", "rsc");

    /** The score CSV header ({@code parrotscope score}). */
    public static final List<String> SCORE_HEADER = List.of("key", "clip_score");

    /** The aesthetic-score CSV header. */
    public static final List<String> AESTHETIC_HEADER = List.of("key", "aesthetic");

    private final Map<String, Candidate> byKey;
    private final List<String> shardSpecs;
    private final List<JoinReport> joins;

    private CurationInputs(Map<String, Candidate> byKey, List<String> shardSpecs, List<JoinReport> joins) {
        this.byKey = byKey;
        this.shardSpecs = List.copyOf(shardSpecs);
        this.joins = List.copyOf(joins);
    }

    /**
     * Reads the shards' captions and their OCR files ({@code <ocrDir>/<shard>.jsonl}) and computes each image's
     * text flag, CoTR (exact matching, Algorithm 1) and category.
     *
     * @param shards the shards
     * @param shardSpecs how the shards are named in manifests (paths or patterns {@code parrotscope train
     *     --data} resolves)
     * @param ocrDir the OCR output folder
     * @param progress advanced once per sample
     * @return the inputs
     * @throws IOException when a shard or OCR file cannot be opened
     */
    public static CurationInputs fromOcr(List<Shard> shards, List<String> shardSpecs, Path ocrDir, Progress progress)
            throws IOException {
        Map<String, Candidate> m = new LinkedHashMap<>();
        StatsConfig cfg = StatsConfig.defaults();
        List<JoinReport> reports = new ArrayList<>();
        for (Shard shard : shards) {
            reports.add(CaptionOcrJoin.run(
                    List.of(shard),
                    ocrDir,
                    it -> {
                        ImageStats s = ImageStats.of(it, cfg.matcher());
                        ImageStats.PerMatching p = s.matching(Matching.EXACT);
                        m.putIfAbsent(
                                it.key(),
                                new Candidate(
                                        it.key(),
                                        shard.name(),
                                        s.hasText(),
                                        s.hasText() ? p.coEmb().cotr() : 0,
                                        p.category(),
                                        Double.NaN,
                                        Double.NaN,
                                        Double.NaN,
                                        -1,
                                        Double.NaN));
                    },
                    progress));
        }
        if (m.isEmpty()) {
            throw new IOException("no sample of " + shards.size() + " shard(s) has an OCR record in " + ocrDir
                    + " (run `parrotscope ocr` first)");
        }
        return new CurationInputs(m, shardSpecs, reports);
    }

    /**
     * Inputs from candidates made elsewhere (tests, notebooks).
     *
     * @param candidates the candidates
     * @param shardSpecs shard specs for manifests
     * @return the inputs
     */
    public static CurationInputs of(List<Candidate> candidates, List<String> shardSpecs) {
        Map<String, Candidate> m = new LinkedHashMap<>();
        candidates.forEach(c -> m.put(c.key(), c));
        return new CurationInputs(m, shardSpecs, List.of());
    }

    /** @return the candidates, in shard order */
    public List<Candidate> candidates() {
        return List.copyOf(byKey.values());
    }

    /** @return the shard specs manifests refer to */
    public List<String> shardSpecs() {
        return shardSpecs;
    }

    /** @return how each shard's captions and OCR records joined (empty when built with {@link #of}) */
    public List<JoinReport> joins() {
        return joins;
    }

    /**
     * Joins raw CLIP scores: one CSV file {@code key,clip_score}, or a folder of them ({@code parrotscope score}
     * writes one per shard).
     *
     * @param csvOrDir the file or folder
     * @return new inputs
     * @throws IOException naming the file of a malformed record
     */
    public CurationInputs withScores(Path csvOrDir) throws IOException {
        Map<String, Double> s = new LinkedHashMap<>();
        for (Path f : csvFiles(csvOrDir, "score")) {
            for (KeyCsv.Line l : KeyCsv.read(f, SCORE_HEADER)) {
                s.put(l.fields().get(0), KeyCsv.number(l.fields().get(1), f, l.number(), "clip_score"));
            }
        }
        return map(c -> s.containsKey(c.key()) ? c.withClipScore(s.get(c.key())) : c);
    }

    /**
     * Joins the ablation CSV (header exactly {@link #ABLATION_HEADER}; empty cells for images without text): RSA
     * and RSC, and {@code s_raw} as the raw score where no score was joined before.
     *
     * @param csvOrDir the file, or a folder of them ({@code parrotscope ablate} writes one per shard)
     * @return new inputs
     * @throws IOException naming the file and line of a malformed record
     */
    public CurationInputs withAblation(Path csvOrDir) throws IOException {
        Map<String, double[]> a = new LinkedHashMap<>();
        for (Path csv : csvFiles(csvOrDir, "ablation")) {
            readAblation(csv, a);
        }
        return map(c -> {
            double[] v = a.get(c.key());
            if (v == null) {
                return c;
            }
            Candidate d = c.withRelativeScores(v[1], v[2]);
            return Double.isNaN(d.clipScore()) ? d.withClipScore(v[0]) : d;
        });
    }

    private static void readAblation(Path csv, Map<String, double[]> a) throws IOException {
        for (KeyCsv.Line l : KeyCsv.read(csv, ABLATION_HEADER)) {
            List<String> f = l.fields();
            a.put(f.get(0), new double[] {
                KeyCsv.number(f.get(3), csv, l.number(), "s_raw"),
                KeyCsv.number(f.get(8), csv, l.number(), "rsa"),
                KeyCsv.number(f.get(9), csv, l.number(), "rsc")
            });
        }
    }

    /**
     * Joins cluster assignments ({@link ClusterAssignments}).
     *
     * @param csv the {@code key,cluster} file
     * @return new inputs
     * @throws IOException naming the file of a malformed record
     */
    public CurationInputs withClusters(Path csv) throws IOException {
        return withClusters(ClusterAssignments.read(csv));
    }

    /**
     * @param clusters key to cluster
     * @return new inputs
     */
    public CurationInputs withClusters(Map<String, Integer> clusters) {
        return map(c -> clusters.containsKey(c.key()) ? c.withCluster(clusters.get(c.key())) : c);
    }

    /**
     * Joins aesthetic scores ({@code key,aesthetic}, e.g. from LAION's aesthetic predictor).
     *
     * @param csv the file
     * @return new inputs
     * @throws IOException naming the file of a malformed record
     */
    public CurationInputs withAesthetic(Path csv) throws IOException {
        Map<String, Double> s = new LinkedHashMap<>();
        for (KeyCsv.Line l : KeyCsv.read(csv, AESTHETIC_HEADER)) {
            s.put(l.fields().get(0), KeyCsv.number(l.fields().get(1), csv, l.number(), "aesthetic"));
        }
        return map(c -> s.containsKey(c.key()) ? c.withAesthetic(s.get(c.key())) : c);
    }

    private CurationInputs map(UnaryOperator<Candidate> f) {
        Map<String, Candidate> m = new LinkedHashMap<>();
        byKey.forEach((k, c) -> m.put(k, f.apply(c)));
        return new CurationInputs(m, shardSpecs, joins);
    }

    private static List<Path> csvFiles(Path p, String what) throws IOException {
        if (!Files.isDirectory(p)) {
            if (!Files.isRegularFile(p)) {
                throw new IOException("no such " + what + " file or folder: " + p);
            }
            return List.of(p);
        }
        try (Stream<Path> s = Files.list(p)) {
            List<Path> files = s.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new IOException(p + ": no " + what + " CSV files");
            }
            return files;
        }
    }
}
