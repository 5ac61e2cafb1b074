package org.parrotscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.curate.CurationRun;
import org.parrotscope.curate.Curator;
import org.parrotscope.curate.DebiasedRecipe;
import org.parrotscope.data.Datasets;
import org.parrotscope.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parrotscope curate}: the paper's Curations I-III and the debiased recipe from OCR and score outputs,
 * one {@code train --data} manifest per subset plus {@code subsets.csv}.
 */
@Command(
        name = "curate",
        mixinStandardHelpOptions = true,
        description = "Curated subsets (I, II, III, debiased) from OCR and scores: manifests + subsets.csv.")
public final class CurateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "tar files, globs, {a..b} ranges or image folders")
    List<String> shards;

    @Option(
            names = "--ocr",
            required = true,
            paramLabel = "DIR",
            description = "OCR output folder (`parrotscope ocr`).")
    Path ocr;

    @Option(names = "--scores", paramLabel = "CSV", description = "key,clip_score file or `parrotscope score` folder.")
    Path scores;

    @Option(
            names = "--ablation",
            paramLabel = "CSV",
            description = "Per-sample ablation CSV, or the folder of per-shard ones (`parrotscope ablate`).")
    Path ablation;

    @Option(names = "--clusters", paramLabel = "CSV", description = "key,cluster file (`parrotscope cluster`).")
    Path clusters;

    @Option(
            names = "--embeddings",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Embedding files or folders, for the debiased recipe's de-duplication.")
    List<Path> embeddings = new ArrayList<>();

    @Option(names = "--aesthetic", paramLabel = "CSV", description = "key,aesthetic scores for the debiased recipe.")
    Path aesthetic;

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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<String> specs = shards.stream()
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString())
                .toList();
        DebiasedRecipe recipe = DebiasedRecipe.builder()
                .optMinScore(minScore)
                .optMinAesthetic(minAesthetic)
                .optDedupCosine(dedup)
                .build();
        CurationRun.Result r;
        try (Progress p = Progress.console("curate", 0)) {
            r = CurationRun.run(
                    new CurationRun.Request(
                            Datasets.resolve(shards),
                            specs,
                            ocr,
                            scores,
                            ablation,
                            clusters,
                            embeddings,
                            aesthetic,
                            criteria,
                            recipe,
                            size,
                            seed,
                            out),
                    p);
        }
        PrintWriter con = spec.commandLine().getOut();
        con.printf(
                Locale.ROOT,
                "%d candidates with OCR records%n",
                r.inputs().candidates().size());
        var t = r.statistics();
        Curator.statisticsLines(t).forEach(con::println);
        con.println("manifests and " + CurationRun.STATS + " -> " + out);
        con.flush();
        return 0;
    }
}
