package org.parrotscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parrotscope.experiment.Experiment;
import org.parrotscope.experiment.ExperimentConfig;
import org.parrotscope.experiment.ExperimentFigures;
import org.parrotscope.experiment.ExperimentResults;
import org.parrotscope.experiment.PaperTables;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import org.parrotscope.viz.Plot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parrotscope experiment}: the subset experiment of Tables 3-6 and 10, Figs. 8 and 9, from one JSON
 * configuration; cached and resumable.
 */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        description = {
            "The subset experiment: data -> OCR -> reference CLIP scores -> curations -> one model per subset and seed"
                    + " -> evaluation -> results.json, tables/*.csv, fig8.html, fig9.html. A re-run skips finished work.",
            "Without --config it runs the default configuration (mini-LAION, Curations I and II); --print-config shows it."
        })
public final class ExperimentCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration (keys left out: the default's).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (required unless --print-config).")
    Path out;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "A CLIP model folder to score with instead of training the reference CLIP (config"
                    + " reference_model).")
    Path model;

    @Option(names = "--seeds", split = ",", paramLabel = "S", description = "Seeds, overriding the configuration's.")
    List<Long> seeds;

    @Option(names = "--print-config", description = "Print the effective configuration as JSON and exit.")
    boolean printConfig;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig cfg = config == null ? ExperimentConfig.defaults() : ExperimentConfig.read(config);
        if (model != null) {
            cfg = cfg.withReferenceModel(model.toAbsolutePath().normalize());
        }
        if (seeds != null && !seeds.isEmpty()) {
            cfg = cfg.withSeeds(seeds);
        }
        PrintWriter con = spec.commandLine().getOut();
        if (printConfig) {
            con.println(Json.PRETTY.toJson(cfg.toJson()));
            con.flush();
            return 0;
        }
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        ExperimentResults r = new Experiment(cfg, out, (task, total) -> Progress.console(task, total), line -> {
                    con.println(line);
                    con.flush();
                })
                .run();
        Path dir = out.toAbsolutePath().normalize();
        Plot.of(ExperimentFigures.fig8(r)).save(dir.resolve("fig8.html"));
        Plot.of(ExperimentFigures.fig9(r)).save(dir.resolve("fig9.html"));
        for (var t : PaperTables.all(r)) {
            if (!t.name().startsWith("Fig. 8")) {
                con.println(t.printAll());
                con.println();
            }
        }
        con.println("results.json, tables/, fig8.html, fig9.html -> " + dir);
        con.flush();
        return 0;
    }
}
