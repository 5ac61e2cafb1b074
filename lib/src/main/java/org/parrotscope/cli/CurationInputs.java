package org.parrotscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The per-sample inputs that {@code curate} and {@code spark curate} join to the OCR records by key (scores,
 * ablation, clusters, embeddings, aesthetic scores), one name and help text each. Values stay text: {@code spark
 * curate} also takes Hadoop URIs, {@code curate} local paths ({@link #path}).
 */
public final class CurationInputs {

    @Option(names = "--scores", paramLabel = "CSV", description = "key,clip_score file or `parrotscope score` folder.")
    String scores;

    @Option(
            names = "--ablation",
            paramLabel = "CSV",
            description = "Per-sample ablation CSV, or the folder of per-shard ones (`parrotscope ablate`).")
    String ablation;

    @Option(names = "--clusters", paramLabel = "CSV", description = "key,cluster file (`parrotscope cluster`).")
    String clusters;

    @Option(
            names = "--embeddings",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Embedding files or folders, for the debiased recipe's de-duplication.")
    List<String> embeddings = new ArrayList<>();

    @Option(names = "--aesthetic", paramLabel = "CSV", description = "key,aesthetic scores for the debiased recipe.")
    String aesthetic;

    /** @return the score file or folder, or null */
    public String scores() {
        return scores;
    }

    /** @return the ablation file or folder, or null */
    public String ablation() {
        return ablation;
    }

    /** @return the cluster file, or null */
    public String clusters() {
        return clusters;
    }

    /** @return the embedding files or folders, maybe empty */
    public List<String> embeddings() {
        return List.copyOf(embeddings);
    }

    /** @return the aesthetic file, or null */
    public String aesthetic() {
        return aesthetic;
    }

    /**
     * @param value an input of these options, or null
     * @return it as a local path, or null
     */
    public static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
