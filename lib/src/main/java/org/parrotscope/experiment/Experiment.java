package org.parrotscope.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.parrotscope.clip.ClipConfig;
import org.parrotscope.clip.ComputeDevice;
import org.parrotscope.clip.WordTokenizer;
import org.parrotscope.curate.Candidate;
import org.parrotscope.curate.Criterion;
import org.parrotscope.curate.CurationInputs;
import org.parrotscope.curate.Curations;
import org.parrotscope.curate.Curator;
import org.parrotscope.curate.Subset;
import org.parrotscope.curate.SubsetTooSmallException;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.eval.ClipEmbedder;
import org.parrotscope.eval.EvalOptions;
import org.parrotscope.eval.EvalReport;
import org.parrotscope.eval.EvalSuite;
import org.parrotscope.ocr.OcrOptions;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.ocr.OcrRunConfig;
import org.parrotscope.train.ClipTraining;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;

/**
 * The subset experiment (paper Steps 7-9): data → OCR → the reference CLIP and its scores → curations → one model
 * per subset and seed with identical settings → the evaluation suite and the held-out scores of Fig. 9 →
 * {@code results.json}. Every stage writes into its own folder of {@code out} and is skipped when its output is
 * complete, so a re-run does only what is missing and a killed run resumes (shards, models and reports are written
 * atomically; a model resumes from its latest checkpoint).
 *
 * <p>Layout of {@code out}: {@code config.json}, {@code pool/} (generated shards), {@code ocr/}, {@code vocab/},
 * {@code reference/}, {@code pool-scores/} (the reference's scores, RSA and RSC of every pool sample), {@code
 * subsets/seed-S/} (manifests, {@code subsets.csv}), {@code models/seed-S/ID/}, {@code eval/}, {@code heldout/},
 * {@code results.json}.
 */
public final class Experiment {

    /** The results file. */
    public static final String RESULTS = "results.json";

    /** The effective configuration, written at the first run and checked by later ones. */
    public static final String CONFIG = "config.json";

    /** The name of the reference model in results and figures. */
    public static final String REFERENCE = "reference";

    private final ExperimentConfig cfg;
    private final Path out;
    private final BiFunction<String, Long, Progress> progress;
    private final Consumer<String> log;

    /**
     * @param cfg the configuration
     * @param out the output folder (created)
     * @param progress makes a progress reporter for a task and its total (0 when unknown)
     * @param log receives one line per stage
     */
    public Experiment(
            ExperimentConfig cfg, Path out, BiFunction<String, Long, Progress> progress, Consumer<String> log) {
        this.cfg = cfg;
        this.out = out.toAbsolutePath().normalize();
        this.progress = progress;
        this.log = log;
    }

    /**
     * Runs every stage not finished yet.
     *
     * @return the results, also written to {@code out/results.json}
     * @throws IOException when a stage cannot read or write
     * @throws IllegalArgumentException when {@code out} was made with another configuration, or a subset is too
     *     small (naming its criterion and count)
     */
    public ExperimentResults run() throws IOException {
        Files.createDirectories(out);
        checkConfig();
        ComputeDevice.select(ComputeDevice.Choice.parse(cfg.device(), "device"));
        // the criteria first: a misspelt curation fails before any work
        List<Criterion> criteria = new ArrayList<>();
        cfg.curations().forEach(n -> criteria.addAll(Curations.byName(n)));

        List<String> poolSpecs = data(cfg.pool(), out.resolve("pool"), "pool");
        List<Shard> pool = Datasets.resolve(poolSpecs);
        Path ocr = ocr(pool, out.resolve("ocr"), "ocr");
        Path vocab = vocabulary(pool);
        List<Criterion> withoutScores =
                criteria.stream().filter(c -> !c.family().startsWith("III")).toList();
        if (!withoutScores.isEmpty()) {
            // Curations I and II need no scores: a subset too small fails before any model is trained
            try (Progress p = progress.apply("join captions and OCR", 0L)) {
                CurationInputs spotted = CurationInputs.fromOcr(pool, poolSpecs, ocr, p);
                Curator.curate(
                        spotted,
                        withoutScores,
                        commonSize(spotted, withoutScores),
                        cfg.seeds().get(0));
            }
        }
        Path reference = reference(poolSpecs, vocab);
        Path poolScores = scores(reference, pool, ocr);

        CurationInputs in;
        try (Progress p = progress.apply("join captions, OCR and scores", 0L)) {
            in = CurationInputs.fromOcr(pool, poolSpecs, ocr, p).withAblation(poolScores);
        }
        int size = commonSize(in, criteria);
        log.accept(String.format("subsets: %d criteria, %d pairs each", criteria.size(), size));

        List<String> heldSpecs = data(cfg.heldout(), out.resolve("heldout/pool"), "held-out pool");
        List<Shard> held = Datasets.resolve(heldSpecs);
        Path heldOcr = ocr(held, out.resolve("heldout/ocr"), "held-out ocr");

        ExperimentResults.Builder results = ExperimentResults.builder(cfg);
        results.reference(
                reference,
                evaluate(reference, out.resolve("eval/" + REFERENCE)),
                heldOut(reference, REFERENCE, held, heldOcr));
        for (long seed : cfg.seeds()) {
            Path dir = out.resolve("subsets/seed-" + seed);
            List<Subset> subsets = Curator.curate(in, criteria, size, seed);
            Map<String, Path> manifests = Curator.writeManifests(subsets, poolSpecs, dir);
            var stats = Curator.statistics(in, subsets);
            AtomicFiles.writeString(dir.resolve("subsets.csv"), stats.write().toString("csv"));
            for (int i = 0; i < subsets.size(); i++) {
                Subset s = subsets.get(i);
                String id = s.criterion().id();
                String name = "seed-" + seed + "/" + id;
                Path model;
                try (Progress p =
                        progress.apply("train " + name, (long) cfg.train().steps())) {
                    model = ModelTraining.trained(
                            cfg.train(),
                            List.of(manifests.get(id).toString()),
                            s.keys().size(),
                            vocab,
                            seed,
                            out.resolve("models/" + name),
                            p);
                }
                results.subset(
                        s,
                        seed,
                        stats,
                        i,
                        model,
                        evaluate(model, out.resolve("eval/" + name)),
                        heldOut(model, name, held, heldOcr));
            }
        }
        ExperimentResults r = results.build();
        AtomicFiles.writeString(out.resolve(RESULTS), Json.PRETTY.toJson(r.toJson()) + "\n");
        r.writeTables(out.resolve("tables"));
        log.accept("results -> " + out.resolve(RESULTS));
        return r;
    }

    /** @return the output folder */
    public Path out() {
        return out;
    }

    private void checkConfig() throws IOException {
        Path f = out.resolve(CONFIG);
        // compared as written: a float and its decimal text differ as numbers, and null keys are not written
        JsonObject now = comparable(Json.parse(Json.PRETTY.toJson(cfg.toJson())).getAsJsonObject());
        if (Files.exists(f)) {
            JsonObject before = comparable(
                    Json.parse(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject());
            List<String> diff = new ArrayList<>();
            java.util.Set<String> keys = new java.util.TreeSet<>(now.keySet());
            keys.addAll(before.keySet());
            for (String k : keys) {
                if (!now.get(k).equals(before.get(k))) {
                    diff.add(k);
                }
            }
            if (!diff.isEmpty()) {
                throw new IllegalArgumentException(
                        out + " holds an experiment made with another configuration (differs in "
                                + String.join(", ", diff) + "): use a new output folder");
            }
        }
        AtomicFiles.writeString(f, Json.PRETTY.toJson(cfg.toJson()) + "\n");
    }

    /** The keys that decide what the stages compute: the seeds and the device may change between runs. */
    private static JsonObject comparable(JsonObject o) {
        JsonObject c = o.deepCopy();
        c.remove("seeds");
        c.remove("device");
        c.remove("name");
        return c;
    }

    private int imageSize() throws IOException {
        ClipConfig preset = ClipTraining.preset(cfg.train().preset());
        return preset.vision().imageSize();
    }

    private List<String> data(ExperimentConfig.Pool p, Path dir, String what) throws IOException {
        if (!p.generated()) {
            return p.shards();
        }
        int side = p.imageSize() > 0 ? p.imageSize() : imageSize();
        SynthConfig sc = SynthConfig.builder()
                .setSeed(p.seed())
                .setSamples(p.samples())
                .optImageSize(side)
                .optTextRate(p.textRate())
                .build();
        Path done = dir.resolve(".complete");
        if (!Files.exists(done)) {
            Files.createDirectories(dir);
            try (Progress pr = progress.apply("generate " + what, p.samples())) {
                MiniLaionWriter.write(new MiniLaion(sc), dir, pr, true);
            }
            AtomicFiles.writeString(done, p.samples() + " samples, " + side + " px, seed " + p.seed() + "\n");
        }
        return List.of(dir.toString());
    }

    private Path ocr(List<Shard> shards, Path dir, String what) throws IOException {
        Files.createDirectories(dir);
        OcrRunConfig.Builder b = OcrRun.builder()
                .setOut(dir)
                .optEngine(cfg.ocr().engine())
                .optOptions(OcrOptions.builder()
                        .optDetUpscaleTo(cfg.ocr().detUpscaleTo())
                        .build());
        if (cfg.ocr().threads() > 0) {
            b.optThreads(cfg.ocr().threads());
        }
        try (Progress p = progress.apply(what + " " + cfg.ocr().engine(), 0L)) {
            var summary = b.optProgress(p).buildRun().run(shards); // finished shards are skipped
            log.accept(String.format(
                    "%s: %d images read this run (%.1f images/s)", what, summary.samples(), summary.imagesPerSecond()));
        }
        return dir;
    }

    private Path vocabulary(List<Shard> pool) throws IOException {
        Path dir = out.resolve("vocab");
        Path file = dir.resolve(WordTokenizer.FILE);
        if (!Files.exists(file)) {
            List<String> captions = new ArrayList<>();
            try (SampleStream s = Datasets.open(pool, new SkipLog())) {
                for (Sample x : s) {
                    captions.add(x.caption());
                }
            }
            int ctx = ClipTraining.preset(cfg.train().preset()).text().contextLength();
            // one vocabulary for the reference and every subset model, as the paper's models share CLIP's BPE
            WordTokenizer.build(captions, 2, ctx).save(Files.createDirectories(dir));
        }
        return file;
    }

    private Path reference(List<String> poolSpecs, Path vocab) throws IOException {
        if (cfg.referenceModel() != null) {
            log.accept("reference CLIP: " + cfg.referenceModel() + " (given)");
            return cfg.referenceModel();
        }
        int samples = (int)
                Math.min(Integer.MAX_VALUE, cfg.pool().generated() ? cfg.pool().samples() : Integer.MAX_VALUE);
        Path model;
        try (Progress p = progress.apply(
                "train reference CLIP on the whole pool", (long) cfg.reference().steps())) {
            model = ModelTraining.trained(cfg.reference(), poolSpecs, samples, vocab, 0, out.resolve(REFERENCE), p);
        }
        log.accept("reference CLIP: " + model);
        return model;
    }

    private Path scores(Path reference, List<Shard> pool, Path ocr) throws IOException {
        Path dir = out.resolve("pool-scores");
        try (Progress p = progress.apply("score the pool (raw, All, Co removed) with the reference", 0L)) {
            HeldOutScores.of(reference, pool, ocr, dir, 0, p);
        }
        return dir;
    }

    private int commonSize(CurationInputs in, List<Criterion> criteria) {
        if (cfg.subsetSize() > 0) {
            return cfg.subsetSize();
        }
        Map<String, Integer> pools = new LinkedHashMap<>();
        for (Criterion c : criteria) {
            int n = 0;
            for (Candidate x : in.candidates()) {
                n += c.test().test(x) ? 1 : 0;
            }
            pools.put(c.label() + " (" + c.id() + ")", n);
        }
        int min = pools.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        if (min < cfg.minSubsetSize()) {
            Map<String, Integer> short_ = new LinkedHashMap<>();
            pools.forEach((k, v) -> {
                if (v < cfg.minSubsetSize()) {
                    short_.put(k, v);
                }
            });
            throw new SubsetTooSmallException(
                    cfg.minSubsetSize(),
                    short_,
                    "configuration min_subset_size " + cfg.minSubsetSize() + ": raise pool.samples, generate the pool"
                            + " at a size the OCR reads (pool.image_size), or lower min_subset_size");
        }
        return min;
    }

    private JsonObject evaluate(Path model, Path file) throws IOException {
        Path json = file.resolveSibling(file.getFileName() + ".json");
        Path scores = file.resolveSibling(file.getFileName() + ".sync-scores.json");
        if (!Files.exists(json) || !Files.exists(scores)) {
            EvalOptions opt = EvalOptions.builder()
                    .optSeed(cfg.eval().seed())
                    .optZeroShotImages(cfg.eval().images())
                    .optRetrievalPairs(cfg.eval().pairs())
                    .optSyncVocabulary(cfg.eval().ngrams())
                    .optData(cfg.eval().data())
                    .build();
            EvalReport r;
            try (Progress p = progress.apply("evaluate " + out.relativize(model), 1L);
                    ClipEmbedder e = ClipEmbedder.open(model, null)) {
                r = EvalSuite.run(e, opt);
                p.advance(1);
            }
            JsonArray a = new JsonArray();
            r.sync().scores().forEach(a::add);
            AtomicFiles.writeString(scores, Json.COMPACT.toJson(a) + "\n");
            AtomicFiles.writeString(json, Json.PRETTY.toJson(r.toJson()) + "\n");
        }
        JsonObject o =
                Json.parse(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        o.getAsJsonObject("sync").add("scores", Json.parse(Files.readString(scores, StandardCharsets.UTF_8)));
        return o;
    }

    private JsonObject heldOut(Path model, String name, List<Shard> held, Path heldOcr) throws IOException {
        try (Progress p = progress.apply("held-out scores " + name, 0L)) {
            return HeldOutScores.of(
                    model,
                    held,
                    heldOcr,
                    out.resolve("heldout/scores/" + name),
                    cfg.heldout().seed(),
                    p);
        }
    }
}
