package org.parrotscope.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.parrotscope.cli.CurationInputs;
import org.parrotscope.cli.CurationOptions;
import org.parrotscope.curate.Curator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code spark curate}: {@code parrotscope curate} as Spark SQL over the Parquet of {@code spark ocr}. */
@Command(
        name = "curate",
        mixinStandardHelpOptions = true,
        description = {
            "Curated subsets (I, II, III, debiased) as Spark SQL over the Parquet files of `spark ocr` and the CSV"
                    + " outputs of score/ablate/cluster: the manifests and subsets.csv of `parrotscope curate`. Pools"
                    + " and sizes are the library's; the seeded sample is drawn by hash (lib/README.md)."
        })
final class CurateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "shard specs, paths or Hadoop URIs")
    List<String> shards;

    @Option(names = "--ocr", required = true, paramLabel = "DIR", description = "Parquet folder of `spark ocr`")
    String ocr;

    @Mixin
    CurationInputs inputs = new CurationInputs();

    @Mixin
    CurationOptions curation = new CurationOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "local output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = Sessions.getOrCreate("parrotscope curate");
        List<String> sources = ShardJobs.resolve(shards, spark.sparkContext().hadoopConfiguration());
        List<String> names = sources.stream().map(ShardTask::nameOf).toList();
        List<String> specs = shards.stream()
                .map(s -> s.contains("://")
                        ? s
                        : Path.of(s).toAbsolutePath().normalize().toString())
                .toList();
        SparkCurate.Result r = SparkCurate.run(
                spark,
                new SparkCurate.Request(
                        names,
                        specs,
                        ocr,
                        inputs.scores(),
                        inputs.ablation(),
                        inputs.clusters(),
                        inputs.embeddings(),
                        inputs.aesthetic(),
                        curation.criteria(),
                        curation.recipe(),
                        curation.size(),
                        curation.seed(),
                        out));
        PrintWriter con = spec.commandLine().getOut();
        con.printf(Locale.ROOT, "%d candidates with OCR records%n", r.candidates());
        Table t = r.statistics();
        Curator.statisticsLines(t).forEach(con::println);
        con.println("manifests and subsets.csv -> " + out);
        con.flush();
        return 0;
    }
}
