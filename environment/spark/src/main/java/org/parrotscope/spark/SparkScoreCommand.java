package org.parrotscope.spark;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.parrotscope.cli.DeviceOptions;
import org.parrotscope.cli.ModelOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spark score}: the arguments of {@code parrotscope score}, one Spark task per shard. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "CLIP score of every image-caption pair, one Spark task per shard, one Parquet file per shard (the table"
                    + " of `parrotscope score --format parquet`, lib/README.md); finished shards are skipped, damaged"
                    + " ones redone, failed ones listed in _failures.json. The model folder must be at the same path"
                    + " on every executor."
        })
final class SparkScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "shard specs, paths or Hadoop URIs")
    List<String> shards;

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (path or URI)")
    String out;

    @Option(names = "--embeddings", description = "also store image_embedding and text_embedding in the rows")
    boolean embeddings;

    @Option(
            names = "--threads-per-task",
            defaultValue = "1",
            description = "decoding threads per task; set spark.task.cpus to the same (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "executor-local working folder")
    String workDir;

    @Override
    public Integer call() throws Exception {
        var choice = deviceOptions.choice(); // a bad --device or --gpus fails before Spark starts
        SparkSession spark = Sessions.getOrCreate("parrotscope score");
        String device = SparkDevices.check(spark, choice, spec.commandLine().getErr());
        ScoreWork work =
                new ScoreWork(SparkDevices.modelOn(modelOptions, device), modelOptions.batch(), threads, embeddings);
        List<ShardOutcome> outcomes =
                ShardJobs.run(spark, shards, out, workDir != null ? workDir : ShardJobs.defaultWorkDir(), work);
        SparkCli.report(spec.commandLine().getOut(), "score", outcomes, out);
        return 0;
    }
}
