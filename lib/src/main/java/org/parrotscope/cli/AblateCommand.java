package org.parrotscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Shard;
import org.parrotscope.edit.AblationConfig;
import org.parrotscope.edit.AblationReport;
import org.parrotscope.edit.AblationRun;
import org.parrotscope.edit.AblationSummary;
import org.parrotscope.edit.Table2;
import org.parrotscope.parrot.Matching;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parrotscope ablate}: the text-removal score ablation (paper Step 5, Table 2) through {@link AblationRun},
 * resumable per shard, then Table 2 over the given shards' rows ({@link AblationReport}).
 */
@Command(
        name = "ablate",
        mixinStandardHelpOptions = true,
        description = {
            "Score every image with spotted text raw, with all spotted text inpainted (Telea), with only the words "
                    + "its caption repeats inpainted, and with another image's text areas inpainted (random "
                    + "baselines), all against the unchanged caption; images without text are scored raw.",
            "Writes OUT/<shard>.csv (key, shard, has_text, s_raw, s_all, s_co, s_rand_all, s_rand_co, rsa, rsc; "
                    + "OUT/<shard>.parquet with --format parquet), "
                    + "OUT/<shard>.skipped.jsonl and OUT/table2/over-samples.csv (and over-clusters.csv with "
                    + "--clusters); prints Table 2 next to the paper's values. Finished shards are skipped on re-runs."
        })
public final class AblateCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "tar files, globs, {a..b} ranges or image folders")
    List<String> shards;

    @Option(names = "--ocr", required = true, paramLabel = "DIR", description = "the ocr run's output folder")
    Path ocr;

    @CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @CommandLine.Mixin
    AblationOptions ablation = new AblationOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--write-images", description = "also write every edited image to OUT/images/<shard>/")
    boolean writeImages;

    @Option(
            names = "--embeddings",
            description = "also write the raw images' and captions' embeddings as OUT/<shard>.embeddings.safetensors")
    boolean writeEmbeddings;

    @Option(
            names = "--clusters",
            paramLabel = "FILE",
            description = "CSV key,cluster: also report Table 2 over per-cluster means")
    Path clusters;

    @Option(names = "--threads", description = "decoding and inpainting threads (default: cores)")
    Integer threads;

    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "csv|parquet",
            description = "per-shard files: csv, or parquet (the table of `spark ablate`; default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        deviceOptions.apply(spec.commandLine().getErr());
        if (!format.equals("csv") && !format.equals("parquet")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--format must be csv or parquet, not " + format);
        }
        List<Shard> list = Datasets.resolve(shards);
        Map<String, String> clusterOf = clusters == null ? null : Table2.readClusters(clusters);
        AblationConfig.Builder cfg = AblationConfig.builder()
                .setOut(out)
                .setOcrDir(ocr)
                .optInpaint(AblationOptions.inpaint(ablation.radius(), ablation.dilation()))
                .optMatching(Matching.ofLabel(ablation.matchingLabel()))
                .optSeed(ablation.seed())
                .optWriteImages(writeImages)
                .optParquet(format.equals("parquet"))
                .optWriteEmbeddings(writeEmbeddings)
                .optDecoder(ImageDecoder.builder()
                        .optMaxPixels(ablation.maxPixels())
                        .build());
        if (threads != null) {
            cfg.optThreads(threads);
        }
        AblationSummary summary;
        Path model = modelOptions.model();
        try (ClipModel m = ClipModel.load(model);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(m)
                        .setTokenizer(Tokenizers.forModel(model, modelOptions.vocab()))
                        .optBatchSize(modelOptions.batch())
                        .build()) {
            summary = new AblationRun(cfg.build(), scorer).run(list, Progress.console("ablate", 0));
        }
        var json = summary.toJson();
        json.addProperty("model", model.toAbsolutePath().toString());
        AtomicFiles.writeString(out.resolve("ablate-summary.json"), Json.PRETTY.toJson(json) + "\n");
        AblationReport report = AblationReport.of(AblationReport.rowsOf(out, list), clusterOf);
        Path dir = report.write(out);
        PrintWriter con = spec.commandLine().getOut();
        con.println(Json.PRETTY.toJson(json));
        con.printf(Locale.ROOT, "Model: %s (paper: OpenAI ViT-B/32 on LAION-2B)%n", model);
        con.print(report.text());
        con.println("Tables written to " + dir.toAbsolutePath());
        con.flush();
        return 0;
    }
}
