package org.parrotscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.curate.CurationRun;
import org.parrotscope.curate.Curator;
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

    @CommandLine.Mixin
    CurationInputs inputs = new CurationInputs();

    @CommandLine.Mixin
    CurationOptions curation = new CurationOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<String> specs = shards.stream()
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString())
                .toList();
        CurationRun.Result r;
        try (Progress p = Progress.console("curate", 0)) {
            r = CurationRun.run(
                    new CurationRun.Request(
                            Datasets.resolve(shards),
                            specs,
                            ocr,
                            CurationInputs.path(inputs.scores()),
                            CurationInputs.path(inputs.ablation()),
                            CurationInputs.path(inputs.clusters()),
                            inputs.embeddings().stream().map(Path::of).toList(),
                            CurationInputs.path(inputs.aesthetic()),
                            curation.criteria(),
                            curation.recipe(),
                            curation.size(),
                            curation.seed(),
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
