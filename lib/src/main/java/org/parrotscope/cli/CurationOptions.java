package org.parrotscope.cli;

import java.util.List;
import org.parrotscope.curate.DebiasedRecipe;
import picocli.CommandLine.Option;

/**
 * The curation settings of {@code curate} and {@code spark curate} (criteria, common size, sampling seed, the
 * debiased recipe's thresholds), one name, default and help text each.
 */
public final class CurationOptions {

    @Option(
            names = "--criteria",
            split = ",",
            defaultValue = "I",
            description = "Curations: I, II, III, debiased (default ${DEFAULT-VALUE}).")
    List<String> criteria;

    @Option(
            names = "--size",
            defaultValue = "0",
            description = "Common subset size; 0 = the smallest pool of each curation (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "0", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--min-score",
            defaultValue = "0.3",
            description = "Debiased: CLIP-score threshold (default ${DEFAULT-VALUE}, the paper's).")
    double minScore;

    @Option(
            names = "--min-aesthetic",
            defaultValue = "4.5",
            description = "Debiased: aesthetic threshold with --aesthetic (default ${DEFAULT-VALUE}).")
    double minAesthetic;

    @Option(
            names = "--dedup-cosine",
            defaultValue = "0.95",
            description = "Debiased: duplicate cosine within a cluster (default ${DEFAULT-VALUE}, ours).")
    double dedup;

    /** @return the curations asked for */
    public List<String> criteria() {
        return List.copyOf(criteria);
    }

    /** @return the common subset size, 0 for the smallest pool */
    public int size() {
        return size;
    }

    /** @return the sampling seed */
    public long seed() {
        return seed;
    }

    /** @return the debiased recipe of the thresholds */
    public DebiasedRecipe recipe() {
        return DebiasedRecipe.builder()
                .optMinScore(minScore)
                .optMinAesthetic(minAesthetic)
                .optDedupCosine(dedup)
                .build();
    }
}
