package org.parrotscope.spark;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.parrotscope.ocr.TextSpotters;
import org.parrotscope.parrot.ParrotStats;
import org.parrotscope.parrot.StatsConfig;
import org.parrotscope.parrot.StatsReport;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parrotscope spark ocr|score|ablate|stats|parquet|cluster|curate}: the pipeline's stages as Spark jobs
 * (embedded unless spark-submit'ed).
 */
@Command(
        name = "spark",
        mixinStandardHelpOptions = true,
        subcommands = {
            SparkCli.Ocr.class,
            SparkScoreCommand.class,
            SparkAblateCommand.class,
            SparkCli.Stats.class,
            SparkCli.ToParquet.class,
            ClusterCommand.class,
            CurateCommand.class
        },
        description = {
            "Run pipeline stages on Apache Spark: embedded local[*] when started by environment/parrotscope, or "
                    + "on a cluster through spark-submit (see lib/README.md)."
        })
public final class SparkCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Entry point for {@code environment/parrotscope spark ...} and {@code spark-submit}.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, reporting a failed command as {@code parrotscope spark <command>: <message>} on stderr as
     * {@code parrotscope} does (the stack trace with {@code -Dparrotscope.trace=true}).
     *
     * @return a configured command line, used by {@link #main} and by tests
     */
    public static CommandLine commandLine() {
        return org.parrotscope.cli.ParrotScope.reportFailures(new CommandLine(new SparkCli()), "parrotscope spark");
    }

    /** {@code spark ocr}. */
    @Command(
            name = "ocr",
            mixinStandardHelpOptions = true,
            description = {
                "OCR every shard, one Spark task per shard, into one Parquet file per shard (schema in "
                        + "lib/README.md); finished shards are skipped, damaged ones redone, unreadable ones listed "
                        + "in _failures.json."
            })
    static final class Ocr implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "shard specs, paths or Hadoop URIs")
        List<String> shards;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (path or URI)")
        String out;

        @Option(
                names = "--engine",
                defaultValue = TextSpotters.DEFAULT,
                description = "OCR engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
                completionCandidates = Engines.class)
        String engine;

        @Option(
                names = "--threads-per-task",
                defaultValue = "1",
                description = "OCR threads per task; set spark.task.cpus to the same (default: ${DEFAULT-VALUE})")
        int threads;

        @Option(
                names = "--work-dir",
                paramLabel = "DIR",
                description = "executor-local working folder (default: java.io.tmpdir/parrotscope-spark)")
        String workDir;

        @Override
        public Integer call() throws Exception {
            String work = workDir != null ? workDir : ShardJobs.defaultWorkDir();
            SparkSession spark = Sessions.getOrCreate("parrotscope ocr");
            List<ShardOutcome> outcomes =
                    SparkOcrJob.run(spark, new SparkOcrJob.Config(shards, out, engine, threads, work));
            report(spec.commandLine().getOut(), "ocr", outcomes, out);
            return 0;
        }
    }

    /** {@code spark stats}. */
    @Command(
            name = "stats",
            mixinStandardHelpOptions = true,
            description = {
                "Table 1, the split, the CoTR histogram, Fig. 4 tables and n-grams as Spark SQL over the Parquet files"
                        + " of `spark ocr`; writes the same CSV files and summary.json as `parrotscope stats` (without"
                        + " the per-image and per-word tables, which stay in the Parquet files)."
            })
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PARQUET_DIR", description = "output folder of `spark ocr`")
        String parquet;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "local folder for the tables")
        Path out;

        @Option(names = "--top", defaultValue = "50", paramLabel = "K", description = "n-grams kept per vocabulary")
        int top;

        @Option(names = "--json", description = "print Table 1 as one JSON object")
        boolean json;

        @Override
        public Integer call() throws Exception {
            StatsConfig config = StatsConfig.builder().optTopK(top).build();
            SparkSession spark = Sessions.getOrCreate("parrotscope stats");
            ParrotStats stats = SparkStats.compute(spark, parquet, config);
            write(stats, config, out);
            PrintWriter o = spec.commandLine().getOut();
            o.print(json ? Json.COMPACT.toJson(StatsReport.table1Json(stats)) + "\n" : StatsReport.table1Text(stats));
            o.println(json ? "" : "Tables written to " + out.toAbsolutePath());
            o.flush();
            return 0;
        }
    }

    /** {@code spark parquet}. */
    @Command(
            name = "parquet",
            mixinStandardHelpOptions = true,
            description = {
                "Convert the JSONL output of `parrotscope ocr` into the Parquet files of `spark ocr` (same schema),"
                        + " on this machine."
            })
    static final class ToParquet implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "OCR_DIR", description = "output folder of `parrotscope ocr`")
        Path ocrDir;

        @Option(names = "--shards", arity = "1..*", required = true, paramLabel = "SHARDS", description = "shards")
        List<String> shards;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (path or URI)")
        String out;

        @Override
        public Integer call() throws Exception {
            List<ShardOutcome> outcomes = JsonlToParquet.convert(
                    org.parrotscope.data.Datasets.resolve(shards),
                    ocrDir,
                    out,
                    new org.apache.hadoop.conf.Configuration());
            PrintWriter o = spec.commandLine().getOut();
            int failed = 0;
            for (ShardOutcome s : outcomes) {
                o.println(Json.COMPACT.toJson(ShardJobs.toJson(s)));
                failed += s.state() == ShardOutcome.State.FAILED ? 1 : 0;
            }
            o.flush();
            return failed == 0 ? 0 : 1;
        }
    }

    /**
     * Prints every shard's outcome and a summary line.
     *
     * @param o the console
     * @param job the job's name
     * @param outcomes the outcomes
     * @param out the output folder
     */
    static void report(PrintWriter o, String job, List<ShardOutcome> outcomes, String out) {
        long failed = 0;
        for (ShardOutcome s : outcomes) {
            o.println(Json.COMPACT.toJson(ShardJobs.toJson(s)));
            failed += s.state() == ShardOutcome.State.FAILED ? 1 : 0;
        }
        o.println("spark " + job + ": " + outcomes.size() + " shards, " + failed + " failed; Parquet in " + out);
        o.flush();
    }

    /**
     * Writes the aggregate tables as CSV (the single-machine file names) and {@code summary.json}.
     *
     * @param stats the statistics
     * @param config the settings
     * @param dir the folder
     * @throws java.io.IOException when a file cannot be written
     */
    static void write(ParrotStats stats, StatsConfig config, Path dir) throws java.io.IOException {
        for (Map.Entry<String, tech.tablesaw.api.Table> e : stats.tables().entrySet()) {
            if (e.getKey().equals("images") || e.getKey().equals("words")) {
                continue;
            }
            AtomicFiles.write(dir.resolve(e.getKey() + ".csv"), os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                e.getValue().write().csv(w);
                w.flush();
            });
        }
        AtomicFiles.writeString(
                dir.resolve(StatsReport.SUMMARY),
                Json.PRETTY.toJson(StatsReport.summaryJson(stats, config, null)) + "\n");
    }

    /** Engine names for the help text. */
    static final class Engines implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TextSpotters.NAMES.iterator();
        }
    }
}
