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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.util.ParquetTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Spark task: one shard through a job's {@link ShardWork} into its Parquet file. Runs on an executor.
 *
 * <p>The same for every per-shard job: a shard whose file is complete is skipped, a damaged one redone; the work
 * runs in an executor-local folder named by the job's output, shard and settings, locked so that a speculative
 * duplicate on the same machine works in a folder of its own; a shard on a remote filesystem is copied there first;
 * the Parquet file is written only when the shard is finished ({@link ShardParquet}). A shard that cannot be
 * processed is reported with its reason, never thrown, so the job completes.
 *
 * @param source the shard's URI or local path
 * @param out the output folder's URI
 * @param workDir the executor-local working folder
 * @param hadoop the driver's Hadoop settings, so executors reach the same filesystems
 * @param work what the job does with a shard
 */
record ShardTask(String source, String out, String workDir, Map<String, String> hadoop, ShardWork work)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(ShardTask.class);

    ShardTask {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(work, "work");
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
            String damage = ShardParquet.damage(work.table(), target, conf);
            if (damage == null) {
                return new ShardOutcome(name, source, ShardOutcome.State.SKIPPED, rows(target, conf), 0, 0, null, 0);
            }
            if (!"missing".equals(damage)) {
                LOG.warn("{}: damaged output ({}): redoing shard {}", target, damage, name);
                redo = damage;
            }
            ParquetTable.Rows c = process(target, attempt, conf);
            return new ShardOutcome(
                    name,
                    source,
                    redo == null ? ShardOutcome.State.DONE : ShardOutcome.State.REDONE,
                    c.rows().size(),
                    c.failed(),
                    c.dropped(),
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

    private ParquetTable.Rows process(Path target, String attempt, Configuration conf) throws IOException {
        java.nio.file.Path base =
                java.nio.file.Path.of(workDir).resolve(digest(out + "\n" + source + "\n" + work.settings()));
        Files.createDirectories(base);
        // a second attempt of this task on the same machine (speculation) must not share the work folder
        try (FileChannel lockFile =
                        FileChannel.open(base.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockFile)) {
            java.nio.file.Path dir = lock != null ? base : base.resolve("attempt-" + attempt);
            Files.createDirectories(dir);
            java.nio.file.Path local = localCopy(dir, conf);
            Shard shard = Datasets.resolve(List.of(local.toString())).get(0);
            ParquetTable.Rows rows = work.process(shard, dir, conf);
            if (rows.rows().isEmpty() && rows.dropped() > 0) {
                // nothing usable came out of the shard: a corrupt file, reported and retried by the next run
                throw new IOException("no sample of " + source + " could be used (" + rows.dropped()
                        + " entries or samples dropped): corrupt shard?");
            }
            ShardParquet.write(work.table(), target, attempt, rows.rows(), conf);
            deleteTree(dir);
            if (!dir.equals(base)) {
                Files.deleteIfExists(dir);
            }
            return rows;
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The shard as a local path: itself when local, else a copy in the working folder. */
    private java.nio.file.Path localCopy(java.nio.file.Path dir, Configuration conf) throws IOException {
        return fetch(source, dir.resolve("shard"), conf);
    }

    /**
     * A file or folder as a local path: itself when local, else a copy in {@code into} (made once).
     *
     * @param source a local path or Hadoop URI
     * @param into the local folder for copies
     * @param conf the Hadoop settings
     * @return the local path
     * @throws IOException when it does not exist or cannot be copied
     */
    static java.nio.file.Path fetch(String source, java.nio.file.Path into, Configuration conf) throws IOException {
        Path p = new Path(source);
        String scheme = p.toUri().getScheme();
        if (scheme == null || scheme.equals("file")) {
            java.nio.file.Path local = java.nio.file.Path.of(p.toUri().getPath());
            if (!Files.exists(local)) {
                throw new IOException("not found: " + source);
            }
            return local;
        }
        java.nio.file.Path copy = into.resolve(p.getName());
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
