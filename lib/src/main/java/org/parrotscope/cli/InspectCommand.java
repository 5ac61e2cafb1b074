package org.parrotscope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.parrotscope.data.DatasetInspector;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.InspectionReport;
import org.parrotscope.data.ReadOptions;
import org.parrotscope.data.Shard;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parrotscope inspect}: what is in a dataset, and what had to be skipped. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Read a dataset once, decoding every image on all cores, and report: valid samples, images by format and size, "
                    + "caption length (words, characters: mean, median, p95, max), flagged captions, skipped samples by reason.",
            "Exit status 0 whenever the input could be read, whatever was skipped; 1 when a spec matches nothing or a shard cannot be opened."
        })
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "SHARDS",
            description =
                    "WebDataset .tar shards, globs (shards/*.tar), brace ranges (shards/{00000..00009}.tar), folders of shards, "
                            + "or image folders with captions.csv / captions.jsonl (columns image, caption).")
    List<String> specs;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Option(
            names = "--max-pixels",
            paramLabel = "N",
            description = "Refuse images whose header claims more pixels (default: ${DEFAULT-VALUE}).")
    long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;

    @Option(names = "--threads", paramLabel = "N", description = "Decoding threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--keep-missing-captions",
            description = "Count samples without a caption as valid instead of skipping them.")
    boolean keepMissingCaptions;

    @Override
    public Integer call() throws Exception {
        ReadOptions options = ReadOptions.builder()
                .optKeepMissingCaptions(keepMissingCaptions)
                .build();
        List<Shard> shards = Datasets.resolve(specs, options);
        DatasetInspector inspector = DatasetInspector.builder()
                .optThreads(threads)
                .optDecoder(ImageDecoder.builder().optMaxPixels(maxPixels).build())
                .build();
        InspectionReport report;
        try (Progress progress = Progress.console("inspect", 0)) {
            report = inspector.inspect(shards, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.COMPACT.toJson(report.toJson()));
        } else {
            out.print(report.toText());
        }
        out.flush();
        return 0;
    }
}
