package org.parrotscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.ScoreSchema;
import org.parrotscope.clip.ShardScoreRun;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parrotscope score}: the CLIP score (cosine of normalised image and caption embeddings,
 * paper Step 0) of every sample, one output file per shard, through {@link ShardScoreRun} (resumable).
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = "CLIP score of every image-caption pair, one CSV/JSONL/Parquet file per shard (resumable).")
public final class ScoreCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "tar files, globs, {a..b} ranges or image folders")
    List<String> shards;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(
            names = "--embeddings",
            description = "also write <shard>.embeddings.safetensors (image_embeds, text_embeds, keys)")
    boolean embeddings;

    @Option(
            names = "--format",
            defaultValue = "csv",
            description = "csv, jsonl or parquet (the table of `spark score`; default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--threads", description = "image decoding threads (default: cores)")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        deviceOptions.apply(spec.commandLine().getErr());
        ShardScoreRun.Format fmt = ShardScoreRun.Format.parse(format);
        PrintWriter con = spec.commandLine().getOut();
        List<Shard> list = Datasets.resolve(shards);
        Path model = modelOptions.model();
        var builder = ClipScorer.builder().optBatchSize(modelOptions.batch());
        if (threads != null) {
            builder.optThreads(threads);
        }
        int done = 0;
        int resumed = 0;
        SkipLog all = new SkipLog();
        try (ClipModel m = ClipModel.load(model);
                ClipScorer scorer = builder.setModel(m)
                        .setTokenizer(Tokenizers.forModel(model, modelOptions.vocab()))
                        .build()) {
            ShardScoreRun run = new ShardScoreRun(
                    scorer, ScoreSchema.modelName(model), out, fmt, embeddings, task -> Progress.console(task, 0));
            for (Shard shard : list) {
                ShardScoreRun.ShardResult r = run.score(shard);
                if (r.resumed()) {
                    con.println(r.shard() + ": already scored, skipped");
                    resumed++;
                } else {
                    r.skips().entries().forEach(all::add);
                    con.printf(
                            Locale.ROOT,
                            "%s: %d scored, %d skipped -> %s%n",
                            r.shard(),
                            r.scored(),
                            r.skips().total(),
                            r.scores());
                    done++;
                }
                con.flush();
            }
        }
        con.printf(
                Locale.ROOT,
                "%d shards scored, %d already done; skipped samples by reason: %s%n",
                done,
                resumed,
                all.countsByReason());
        con.flush();
        return 0;
    }
}
