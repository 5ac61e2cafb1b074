package org.parrotscope.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.parrotscope.cli.AblationOptions;
import org.parrotscope.cli.DeviceOptions;
import org.parrotscope.cli.ModelOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spark ablate}: the arguments of {@code parrotscope ablate}, one Spark task per shard. */
@Command(
        name = "ablate",
        mixinStandardHelpOptions = true,
        description = {
            "The text-removal score ablation (raw, all and co-emerging text inpainted, random baselines) of every"
                    + " sample, one Spark task per shard, one Parquet file per shard (the table of `parrotscope"
                    + " ablate --format parquet`, lib/README.md); finished shards are skipped, damaged ones redone,"
                    + " failed ones (e.g. without an OCR file) listed in _failures.json. Table 2 over the rows:"
                    + " Spark SQL, or `parrotscope ablate` on the same shards."
        })
final class SparkAblateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "shard specs, paths or Hadoop URIs")
    List<String> shards;

    @Option(
            names = "--ocr",
            required = true,
            paramLabel = "DIR",
            description = "output folder of `parrotscope ocr` (<shard>.jsonl) or `spark ocr` (<shard>.parquet);"
                    + " path or URI")
    String ocr;

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    AblationOptions ablation = new AblationOptions();

    @Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (path or URI)")
    String out;

    @Option(
            names = "--threads-per-task",
            defaultValue = "1",
            description = "decoding and inpainting threads per task; set spark.task.cpus to the same (default: 1)")
    int threads;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "executor-local working folder")
    String workDir;

    @Override
    public Integer call() throws Exception {
        String matching = ablation.matchingLabel(); // a bad label fails here, not in every task
        var choice = deviceOptions.choice(); // a bad --device or --gpus fails before Spark starts
        SparkSession spark = Sessions.getOrCreate("parrotscope ablate");
        String device = SparkDevices.check(spark, choice, spec.commandLine().getErr());
        AblateWork work = new AblateWork(
                // a local folder made absolute: executors do not share the driver's working folder
                ocr.contains("://") ? ocr : Path.of(ocr).toAbsolutePath().toString(),
                SparkDevices.modelOn(modelOptions, device),
                modelOptions.batch(),
                threads,
                ablation.radius(),
                ablation.dilation(),
                matching,
                ablation.seed(),
                ablation.maxPixels());
        List<ShardOutcome> outcomes =
                ShardJobs.run(spark, shards, out, workDir != null ? workDir : ShardJobs.defaultWorkDir(), work);
        SparkCli.report(spec.commandLine().getOut(), "ablate", outcomes, out);
        return 0;
    }
}
