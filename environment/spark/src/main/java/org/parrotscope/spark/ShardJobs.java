package org.parrotscope.spark;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.util.Json;

/**
 * The per-shard Spark jobs ({@code spark ocr}, {@code score}, {@code ablate}): one Spark task per shard running
 * the job's {@link ShardWork} through a {@link ShardTask}, one Parquet file per shard in the output folder.
 * Finished shards are skipped, damaged ones redone, a shard that cannot be processed is reported in
 * {@code _failures.json} and the job still completes. Re-running the same command after a kill finishes the job
 * with every sample exactly once.
 */
public final class ShardJobs {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ShardJobs() {}

    /**
     * Runs a job and writes {@code _<kind>-job-<time>.json} (every shard's outcome) and {@code _failures.json}.
     *
     * @param spark the session
     * @param shards shard specs: local paths, globs and brace ranges as for the single-machine commands, or URIs
     *     of any Hadoop filesystem ({@code hdfs://...}, {@code s3a://...}) with Hadoop globs
     * @param out the output folder (path or URI)
     * @param workDir the executor-local working folder
     * @param work what to do with each shard
     * @return the outcome of every shard, in input order
     * @throws IOException when the shard list cannot be resolved or the summary cannot be written
     */
    static List<ShardOutcome> run(SparkSession spark, List<String> shards, String out, String workDir, ShardWork work)
            throws IOException {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shards given");
        }
        Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
        List<String> sources = resolve(shards, hadoopConf);
        checkUniqueNames(sources);
        Map<String, String> hadoop = new HashMap<>();
        hadoopConf.forEach(e -> hadoop.put(e.getKey(), e.getValue()));
        String outUri = new Path(out).toString();
        List<ShardTask> tasks = new ArrayList<>();
        for (String s : sources) {
            tasks.add(new ShardTask(s, outUri, workDir, hadoop, work));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("parrotscope " + work.kind() + " over " + tasks.size() + " shards");
        List<ShardOutcome> outcomes = jsc.parallelize(tasks, tasks.size())
                .map(t -> t.run(attemptName()))
                .collect();
        writeSummary(outcomes, work, new Path(out), hadoopConf);
        return outcomes;
    }

    /**
     * @return java.io.tmpdir/parrotscope-spark, the default executor-local working folder
     */
    static String defaultWorkDir() {
        return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "parrotscope-spark")
                .toString();
    }

    private static String attemptName() {
        TaskContext tc = TaskContext.get();
        return tc == null ? "driver" : "t" + tc.taskAttemptId();
    }

    /** Shard specs to shard URIs: Hadoop globs for remote filesystems, the library's rules for local ones. */
    static List<String> resolve(List<String> specs, Configuration conf) throws IOException {
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            String scheme = new Path(spec).toUri().getScheme();
            if (scheme != null && !scheme.equals("file") && spec.contains("://")) {
                Path p = new Path(spec);
                FileStatus[] found = p.getFileSystem(conf).globStatus(p);
                if (found == null || found.length == 0) {
                    throw new IOException("no shard matches " + spec);
                }
                for (FileStatus f : found) {
                    out.add(f.getPath().toString());
                }
            } else {
                for (Shard s : Datasets.resolve(List.of(spec))) {
                    out.add(s.path().toAbsolutePath().toString());
                }
            }
        }
        return out;
    }

    private static void checkUniqueNames(List<String> sources) {
        Set<String> seen = new HashSet<>();
        for (String s : sources) {
            if (!seen.add(ShardTask.nameOf(s))) {
                throw new IllegalArgumentException(
                        "two shards are named " + ShardTask.nameOf(s) + " (outputs are named by shard): " + s);
            }
        }
    }

    private static void writeSummary(List<ShardOutcome> outcomes, ShardWork work, Path out, Configuration conf)
            throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("job", work.kind());
        o.addProperty("settings", work.settings());
        JsonArray shards = new JsonArray();
        JsonArray failures = new JsonArray();
        Map<ShardOutcome.State, Integer> byState = new HashMap<>();
        long rows = 0;
        long failed = 0;
        for (ShardOutcome s : outcomes) {
            JsonObject j = toJson(s);
            shards.add(j);
            byState.merge(s.state(), 1, Integer::sum);
            rows += s.rows();
            failed += s.failedSamples();
            if (s.state() == ShardOutcome.State.FAILED) {
                failures.add(j);
            }
        }
        JsonObject states = new JsonObject();
        for (ShardOutcome.State st : ShardOutcome.State.values()) {
            states.addProperty(st.name().toLowerCase(java.util.Locale.ROOT), byState.getOrDefault(st, 0));
        }
        o.add("shards_by_state", states);
        o.addProperty("rows", rows);
        o.addProperty("failed_samples", failed);
        o.add("shards", shards);
        writeJson(new Path(out, "_" + work.kind() + "-job-" + STAMP.format(Instant.now()) + ".json"), o, conf);
        JsonObject f = new JsonObject();
        f.add("failed_shards", failures);
        writeJson(new Path(out, "_failures.json"), f, conf);
    }

    static JsonObject toJson(ShardOutcome s) {
        JsonObject j = new JsonObject();
        j.addProperty("shard", s.shard());
        j.addProperty("source", s.source());
        j.addProperty("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
        j.addProperty("rows", s.rows());
        j.addProperty("failed_samples", s.failedSamples());
        j.addProperty("dropped_samples", s.droppedSamples());
        if (s.reason() != null) {
            j.addProperty("reason", s.reason());
        }
        j.addProperty("seconds", s.seconds());
        return j;
    }

    /** Writes a small JSON file through a temporary name and a rename. */
    static void writeJson(Path file, JsonObject o, Configuration conf) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
            local.setWriteChecksum(false);
        }
        fs.mkdirs(file.getParent());
        Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
        try (OutputStream os = fs.create(tmp, true)) {
            os.write((Json.PRETTY.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            throw new IOException("cannot rename " + tmp + " to " + file);
        }
    }
}
