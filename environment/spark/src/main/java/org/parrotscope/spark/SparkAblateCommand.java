package org.parrotscope.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.parrot.Matching;
import picocli.CommandLine.Command;
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

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "model folder (local path)")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (path or URI)")
    String out;

    @Option(names = "--radius", defaultValue = "3", paramLabel = "PX", description = "Telea radius (default 3)")
    double radius;

    @Option(names = "--dilation", defaultValue = "2", paramLabel = "PX", description = "mask growth (default 2)")
    int dilation;

    @Option(
            names = "--matching",
            defaultValue = "exact",
            paramLabel = "exact|normalized|fuzzy",
            description = "which caption matching decides Co-Emb. words (default ${DEFAULT-VALUE})")
    String matching;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the random baselines (default 0)")
    long seed;

    @Option(names = "--batch", defaultValue = "32", description = "images per forward pass (default ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--max-pixels",
            defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            paramLabel = "P",
            description = "refuse images with more pixels (default: ${DEFAULT-VALUE})")
    long maxPixels;

    @Option(names = "--vocab", description = "tokenizer vocabulary overriding the model folder's")
    Path vocab;

    @Option(
            names = "--threads-per-task",
            defaultValue = "1",
            description = "decoding and inpainting threads per task; set spark.task.cpus to the same (default: 1)")
    int threads;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "executor-local working folder")
    String workDir;

    @Override
    public Integer call() throws Exception {
        Matching.ofLabel(matching); // a bad label fails here, not in every task
        AblateWork work = new AblateWork(
                // a local folder made absolute: executors do not share the driver's working folder
                ocr.contains("://") ? ocr : Path.of(ocr).toAbsolutePath().toString(),
                model.toAbsolutePath().normalize().toString(),
                vocab == null ? null : vocab.toAbsolutePath().toString(),
                batch,
                threads,
                radius,
                dilation,
                matching,
                seed,
                maxPixels);
        SparkSession spark = Sessions.getOrCreate("parrotscope ablate");
        List<ShardOutcome> outcomes =
                ShardJobs.run(spark, shards, out, workDir != null ? workDir : ShardJobs.defaultWorkDir(), work);
        SparkCli.report(spec.commandLine().getOut(), "ablate", outcomes, out);
        return 0;
    }
}
