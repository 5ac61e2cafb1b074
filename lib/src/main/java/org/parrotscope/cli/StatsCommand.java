package org.parrotscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.parrot.DatasetStats;
import org.parrotscope.parrot.JoinReport;
import org.parrotscope.parrot.ParrotStats;
import org.parrotscope.parrot.StatsConfig;
import org.parrotscope.parrot.StatsReport;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parrotscope stats}: the parrot-caption statistics of a dataset (paper Table 1, Fig. 3a, Fig. 4). */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Join OCR results with the shards' captions and compute co-emerging text, CoTR and parrot-caption "
                    + "statistics (paper Table 1, Fig. 3a split, Fig. 4) with exact, normalized and fuzzy matching.",
            "Writes the tables as CSV plus summary.json to --out and prints Table 1. Samples without OCR, OCR errors "
                    + "and OCR records without a sample are counted on stderr and in summary.json."
        })
public final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "OCR_DIR",
            description = "folder with one <shard name>.jsonl per shard (from `parrotscope ocr`)")
    Path ocrDir;

    @Option(
            names = "--shards",
            arity = "1..*",
            required = true,
            paramLabel = "SHARDS",
            description = "shards: .tar files, globs, brace ranges {00000..00009}.tar, or image folders")
    List<String> shards;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "output folder for the CSV tables and summary.json")
    Path out;

    @Option(names = "--json", description = "print the Table 1 values as one JSON object instead of the text table")
    boolean json;

    @Option(
            names = "--top",
            defaultValue = "50",
            paramLabel = "K",
            description = "n-grams kept per vocabulary (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(ocrDir)) {
            throw new IllegalArgumentException("OCR folder not found: " + ocrDir);
        }
        StatsConfig config = StatsConfig.builder().optTopK(top).build();
        List<Shard> resolved = Datasets.resolve(shards);
        DatasetStats result;
        try (Progress progress = Progress.console("stats", 0)) {
            result = DatasetStats.compute(resolved, ocrDir, config, progress);
        }
        ParrotStats stats = result.stats();
        JoinReport report = result.join();
        StatsReport.write(stats, config, report, out);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            o.println(Json.COMPACT.toJson(StatsReport.table1Json(stats)));
        } else {
            o.print(StatsReport.table1Text(stats));
            o.println("OCR engine(s): " + String.join(", ", report.engines()) + "; fuzzy rule: edit ratio "
                    + config.matcher().fuzzyRule().maxEditRatio() + ", exact below "
                    + config.matcher().fuzzyRule().minLength()
                    + " characters");
            o.println("Tables written to " + out.toAbsolutePath());
        }
        o.flush();
        // what is not in the statistics always goes to stderr, also with --json
        err.println("stats: " + report.describe());
        err.flush();
        return 0;
    }
}
