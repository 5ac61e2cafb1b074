package org.parrotscope.spark;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark ocr}: OCR over many shards, one Spark task per shard ({@link OcrWork} through {@link ShardJobs}),
 * one Parquet file per shard in the output folder ({@link org.parrotscope.parrot.SampleSchema}). Finished shards
 * are skipped, damaged ones redone, a shard that cannot be read is reported in {@code _failures.json} and the job
 * still completes. Re-running the same command after a kill finishes the job with every sample exactly once.
 */
public final class SparkOcrJob {

    /**
     * The job's settings.
     *
     * @param shards shard specs: local paths, globs and brace ranges as for the single-machine commands, or URIs
     *     of any Hadoop filesystem ({@code hdfs://...}, {@code s3a://...}) with Hadoop globs
     * @param out the output folder (path or URI)
     * @param engine the OCR engine
     * @param threadsPerTask OCR threads per task
     * @param workDir executor-local working folder
     */
    public record Config(List<String> shards, String out, String engine, int threadsPerTask, String workDir) {

        /** Validates the fields. */
        public Config {
            shards = List.copyOf(shards);
            if (shards.isEmpty()) {
                throw new IllegalArgumentException("no shards given");
            }
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(engine, "engine");
            if (threadsPerTask < 1) {
                throw new IllegalArgumentException("threads per task must be >= 1: " + threadsPerTask);
            }
            Objects.requireNonNull(workDir, "workDir");
        }
    }

    private SparkOcrJob() {}

    /**
     * Runs the job ({@link ShardJobs#run}) with an {@link OcrWork}.
     *
     * @param spark the session
     * @param config the settings
     * @return the outcome of every shard, in input order
     * @throws IOException when the shard list cannot be resolved or the summary cannot be written
     */
    public static List<ShardOutcome> run(SparkSession spark, Config config) throws IOException {
        return ShardJobs.run(
                spark,
                config.shards(),
                config.out(),
                config.workDir(),
                new OcrWork(config.engine(), config.threadsPerTask()));
    }
}
