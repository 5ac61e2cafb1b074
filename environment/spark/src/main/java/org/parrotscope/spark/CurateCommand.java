package org.parrotscope.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.parrotscope.curate.Curator;
import org.parrotscope.curate.DebiasedRecipe;
import picocli.CommandLine.Command;
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

    @Option(names = "--scores", paramLabel = "CSV", description = "key,clip_score file or `parrotscope score` folder")
    String scores;

    @Option(names = "--ablation", paramLabel = "CSV", description = "ablation CSV or folder (`parrotscope ablate`)")
    String ablation;

    @Option(names = "--clusters", paramLabel = "CSV", description = "key,cluster file (`cluster`, `spark cluster`)")
    String clusters;

    @Option(names = "--embeddings", arity = "1..*", paramLabel = "FILE", description = "embeddings, for debiased")
    List<String> embeddings = new ArrayList<>();

    @Option(names = "--aesthetic", paramLabel = "CSV", description = "key,aesthetic scores for the debiased recipe")
    String aesthetic;

    @Option(
            names = "--criteria",
            split = ",",
            defaultValue = "I",
            description = "I, II, III, debiased (default ${DEFAULT-VALUE})")
    List<String> criteria;

    @Option(names = "--size", defaultValue = "0", description = "common subset size; 0 = smallest pool per curation")
    int size;

    @Option(names = "--seed", defaultValue = "0", description = "sampling seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--min-score",
            defaultValue = "0.3",
            description = "debiased: CLIP-score threshold (default ${DEFAULT-VALUE})")
    double minScore;

    @Option(
            names = "--min-aesthetic",
            defaultValue = "4.5",
            description = "debiased: aesthetic threshold (default ${DEFAULT-VALUE})")
    double minAesthetic;

    @Option(
            names = "--dedup-cosine",
            defaultValue = "0.95",
            description = "debiased: duplicate cosine (default ${DEFAULT-VALUE})")
    double dedup;

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
        DebiasedRecipe recipe = DebiasedRecipe.builder()
                .optMinScore(minScore)
                .optMinAesthetic(minAesthetic)
                .optDedupCosine(dedup)
                .build();
        SparkCurate.Result r = SparkCurate.run(
                spark,
                new SparkCurate.Request(
                        names,
                        specs,
                        ocr,
                        scores,
                        ablation,
                        clusters,
                        embeddings,
                        aesthetic,
                        criteria,
                        recipe,
                        size,
                        seed,
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
