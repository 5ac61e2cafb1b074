package org.parrotscope.curate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parrotscope.data.Shard;
import org.parrotscope.util.Progress;
import tech.tablesaw.api.Table;

/**
 * What {@code parrotscope curate} does: join the OCR, score, ablation, cluster and aesthetic outputs, apply the
 * chosen curations, sample them to a common size, and write one manifest per subset plus {@code subsets.csv}.
 */
public final class CurationRun {

    /** The statistics file name. */
    public static final String STATS = "subsets.csv";

    /**
     * The inputs of a run.
     *
     * @param shards the shards
     * @param shardSpecs how manifests name the shards
     * @param ocrDir OCR outputs
     * @param scores score CSV file or folder, or null
     * @param ablation ablation CSV, or null
     * @param clusters {@code key,cluster} CSV, or null
     * @param embeddings embedding files or folders (for the debiased recipe), may be empty
     * @param aesthetic {@code key,aesthetic} CSV, or null
     * @param criteria curation names: {@code I}, {@code II}, {@code III}, {@code debiased}
     * @param recipe the debiased recipe's thresholds
     * @param size common size, 0 = smallest pool per curation
     * @param seed sampling seed
     * @param out output folder
     */
    public record Request(
            List<Shard> shards,
            List<String> shardSpecs,
            Path ocrDir,
            Path scores,
            Path ablation,
            Path clusters,
            List<Path> embeddings,
            Path aesthetic,
            List<String> criteria,
            DebiasedRecipe recipe,
            int size,
            long seed,
            Path out) {

        /** Copies the lists. */
        public Request {
            shards = List.copyOf(shards);
            shardSpecs = List.copyOf(shardSpecs);
            embeddings = List.copyOf(embeddings);
            criteria = List.copyOf(criteria);
        }
    }

    /**
     * The outcome.
     *
     * @param inputs the joined candidates
     * @param subsets the subsets
     * @param statistics the per-subset table (also in {@code subsets.csv})
     * @param manifests subset id to manifest file
     */
    public record Result(CurationInputs inputs, List<Subset> subsets, Table statistics, Map<String, Path> manifests) {}

    private CurationRun() {}

    /**
     * Runs the curation.
     *
     * @param r the request
     * @param progress advanced once per sample read
     * @return the outcome
     * @throws IOException when an input cannot be read or an output written
     */
    public static Result run(Request r, Progress progress) throws IOException {
        CurationInputs in = CurationInputs.fromOcr(r.shards(), r.shardSpecs(), r.ocrDir(), progress);
        if (r.scores() != null) {
            in = in.withScores(r.scores());
        }
        if (r.ablation() != null) {
            in = in.withAblation(r.ablation());
        }
        if (r.clusters() != null) {
            in = in.withClusters(r.clusters());
        }
        if (r.aesthetic() != null) {
            in = in.withAesthetic(r.aesthetic());
        }
        List<Criterion> criteria = new ArrayList<>();
        for (String name : r.criteria()) {
            if (name.strip().toLowerCase(Locale.ROOT).equals("debiased")) {
                if (r.embeddings().isEmpty()) {
                    throw new IllegalArgumentException("the debiased recipe needs --embeddings to de-duplicate");
                }
                criteria.add(r.recipe().criterion(in, Embeddings.read(r.embeddings())));
            } else {
                if (name.strip().equalsIgnoreCase("III") && r.ablation() == null) {
                    throw new IllegalArgumentException(
                            "Curation III needs RSA/RSC: pass --ablation (parrotscope ablate)");
                }
                criteria.addAll(Curations.byName(name));
            }
        }
        List<Subset> subsets = Curator.curate(in, criteria, r.size(), r.seed());
        Map<String, Path> files = Curator.writeManifests(subsets, r.shardSpecs(), r.out());
        Table stats = Curator.statistics(in, subsets);
        String csv = stats.write().toString("csv");
        org.parrotscope.util.AtomicFiles.write(
                r.out().resolve(STATS), o -> o.write(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Result(in, subsets, stats, files);
    }
}
