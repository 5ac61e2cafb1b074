package org.parrotscope.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.parrot.CoEmbMatcher;
import org.parrotscope.parrot.ImageStats;
import org.parrotscope.parrot.ImageText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one Spark task: one shard through OCR into its Parquet file. Runs on an executor.
 *
 * <p>The OCR itself is the single-machine {@link OcrRun} over a local working folder, so a task retried on the
 * same machine resumes inside the shard from its journal; the Parquet file is written only when the shard is
 * finished ({@link ShardParquet}). A shard on a remote filesystem is copied to the working folder first.
 *
 * @param source the shard's URI or local path
 * @param out the output folder's URI
 * @param engine the OCR engine name
 * @param threads OCR threads of this task (match {@code spark.task.cpus})
 * @param workDir the executor-local working folder
 * @param hadoop the driver's Hadoop settings, so executors reach the same filesystems
 */
record ShardTask(String source, String out, String engine, int threads, String workDir, Map<String, String> hadoop)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(ShardTask.class);

    ShardTask {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(engine, "engine");
        hadoop = Map.copyOf(hadoop);
    }

    /**
     * The shard name a source gives: the file name without {@code .tar}, or the folder name.
     *
     * @param source a shard URI or path
     * @return the name
     */
    static String nameOf(String source) {
        String s = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        String n = s.substring(s.lastIndexOf('/') + 1);
        return n.endsWith(".tar") ? n.substring(0, n.length() - 4) : n;
    }

    /**
     * Runs the task: never throws for a bad shard, reports it instead.
     *
     * @param attempt a name unique to this attempt (Spark's task attempt id)
     * @return the outcome
     */
    ShardOutcome run(String attempt) {
        long start = System.nanoTime();
        String name = nameOf(source);
        Configuration conf = new Configuration();
        hadoop.forEach(conf::set);
        Path target = ShardParquet.target(new Path(out), name);
        String redo = null;
        try {
            String damage = ShardParquet.damage(target, conf);
            if (damage == null) {
                return new ShardOutcome(name, source, ShardOutcome.State.SKIPPED, rows(target, conf), 0, 0, null, 0);
            }
            if (!"missing".equals(damage)) {
                LOG.warn("{}: damaged output ({}): redoing shard {}", target, damage, name);
                redo = damage;
            }
            Counts c = process(name, target, attempt, conf);
            return new ShardOutcome(
                    name,
                    source,
                    redo == null ? ShardOutcome.State.DONE : ShardOutcome.State.REDONE,
                    c.rows,
                    c.failed,
                    c.dropped,
                    redo,
                    (System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("{}: shard failed: {}", source, reason);
            return new ShardOutcome(
                    name, source, ShardOutcome.State.FAILED, 0, 0, 0, reason, (System.nanoTime() - start) / 1e9);
        }
    }

    private static long rows(Path target, Configuration conf) throws IOException {
        try (var r = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(target, conf))) {
            return r.getRecordCount();
        }
    }

    static final class Counts {
        long rows;
        long failed;
        long dropped;
    }

    private Counts process(String name, Path target, String attempt, Configuration conf) throws IOException {
        java.nio.file.Path base = java.nio.file.Path.of(workDir).resolve(digest(out + "\n" + source + "\n" + engine));
        Files.createDirectories(base);
        // a second attempt of this task on the same machine (speculation) must not share the journal
        try (FileChannel lockFile =
                        FileChannel.open(base.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockFile)) {
            java.nio.file.Path work = lock != null ? base : base.resolve("attempt-" + attempt);
            Files.createDirectories(work);
            java.nio.file.Path local = localCopy(work, conf);
            Shard shard = Datasets.resolve(List.of(local.toString())).get(0);
            java.nio.file.Path ocrDir = work.resolve("ocr");
            OcrRun.of(OcrRun.builder()
                            .optEngine(engine)
                            .optThreads(threads)
                            .setOut(ocrDir)
                            .build())
                    .run(List.of(shard), ExecutorSpotters.get(engine));
            List<Group> rows = new ArrayList<>();
            Counts c = rows(shard, name, OcrRun.outputOf(ocrDir, shard), engine, rows);
            ShardParquet.write(target, attempt, rows, conf);
            deleteTree(work);
            if (!work.equals(base)) {
                Files.deleteIfExists(work);
            }
            return c;
        }
    }

    /**
     * Joins a shard's samples with its OCR file into Parquet rows, in shard order; samples without a record get
     * a row with a {@code missing_ocr} error.
     *
     * @param shard the shard
     * @param name its name
     * @param jsonl its OCR file ({@link OcrJsonl})
     * @param engine the engine named in rows of samples without a record
     * @param rows receives the rows
     * @return the counts
     * @throws IOException when the shard or the OCR file cannot be read
     */
    static Counts rows(Shard shard, String name, java.nio.file.Path jsonl, String engine, List<Group> rows)
            throws IOException {
        Map<String, OcrRecord> byKey = new HashMap<>();
        for (OcrRecord r : OcrJsonl.read(jsonl)) {
            byKey.put(r.key(), r);
        }
        Counts c = new Counts();
        SimpleGroupFactory f = new SimpleGroupFactory(SampleSchema.SCHEMA);
        CoEmbMatcher matcher = CoEmbMatcher.defaults();
        SkipLog skips = new SkipLog();
        try (SampleStream samples = shard.open(skips)) {
            for (Sample s : samples) {
                OcrRecord r = byKey.get(s.key());
                if (r == null) {
                    r = OcrRecord.failed(s.key(), engine, 0, 0, "missing_ocr: no OCR record for this sample");
                }
                ImageStats st = r.failed()
                        ? null
                        : ImageStats.of(new ImageText(s.key(), s.caption(), r.width(), r.height(), r.words()), matcher);
                c.failed += r.failed() ? 1 : 0;
                rows.add(SampleSchema.row(f, name, s, r, st));
            }
        }
        c.rows = rows.size();
        c.dropped = skips.countsByReason().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return c;
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The shard as a local path: itself when local, else a copy in the working folder. */
    private java.nio.file.Path localCopy(java.nio.file.Path work, Configuration conf) throws IOException {
        Path p = new Path(source);
        String scheme = p.toUri().getScheme();
        if (scheme == null || scheme.equals("file")) {
            java.nio.file.Path local = java.nio.file.Path.of(p.toUri().getPath());
            if (!Files.exists(local)) {
                throw new IOException("shard not found: " + source);
            }
            return local;
        }
        java.nio.file.Path copy = work.resolve("shard").resolve(p.getName());
        if (!Files.isRegularFile(copy)) {
            Files.createDirectories(copy.getParent());
            java.nio.file.Path part = copy.resolveSibling(copy.getFileName() + ".part");
            FileSystem fs = p.getFileSystem(conf);
            fs.copyToLocalFile(false, p, new Path(part.toUri()), true);
            Files.move(part, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return copy;
    }

    private static void deleteTree(java.nio.file.Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
            for (java.nio.file.Path p :
                    s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                if (!p.equals(dir) && !p.getFileName().toString().equals("lock")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
