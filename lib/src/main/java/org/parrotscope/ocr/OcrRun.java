package org.parrotscope.ocr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.Skipped;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import org.parrotscope.util.ShardOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR over a dataset (paper Step 2): every sample of every shard through one engine, in parallel, one
 * JSONL file per shard ({@code <out>/<shard name>.jsonl}, {@link OcrJsonl}) in the shard's sample order.
 *
 * <ul>
 *   <li>Resumable within a shard ({@link ShardOutput}): records are journaled as they are made, so a run
 *       killed at any moment (even SIGKILL) loses only the samples in flight, and a restarted run continues
 *       each shard where it stopped and ends with every sample present exactly once. A shard's file is
 *       written atomically once the shard is finished, with a completion record (record count, SHA-256);
 *       a finished file that was later emptied, truncated or edited is found damaged on resume, logged, and
 *       redone.
 *   <li>Failures never stop the run. An image that cannot be decoded gets a record with {@code error}
 *       ({@code <reason>: <detail>}, the decoder's reason code) and is also counted in the run's
 *       {@link SkipLog}; so does an engine failure ({@code engine_error}). Samples the reader itself drops
 *       (damaged tar entries, missing images) have no record, only a skip-log entry.
 *   <li>Bounded memory: at most {@code 4 * threads} samples are decoded or in flight at once.
 *   <li>{@code limit} caps the samples of the whole run (for trials): the shard it cuts is written with its
 *       first samples and listed in {@code ocr-partial-shards.txt}, so a later run redoes it.
 * </ul>
 */
public final class OcrRun {

    /** Lists shards written incompletely because of the limit. */
    public static final String PARTIAL_FILE = "ocr-partial-shards.txt";

    private static final Logger LOG = LoggerFactory.getLogger(OcrRun.class);

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final OcrRunConfig config;

    private OcrRun(OcrRunConfig config) {
        this.config = config;
    }

    /**
     * @param config the run configuration
     * @return a run
     */
    public static OcrRun of(OcrRunConfig config) {
        return new OcrRun(config);
    }

    /** @return a builder of the run configuration */
    public static OcrRunConfig.Builder builder() {
        return OcrRunConfig.builder();
    }

    /** @return the configuration */
    public OcrRunConfig config() {
        return config;
    }

    /**
     * The output file of a shard.
     *
     * @param out the output folder
     * @param shard the shard
     * @return {@code <out>/<shard name>.jsonl}
     */
    public static Path outputOf(Path out, Shard shard) {
        return out.resolve(shard.name() + ".jsonl");
    }

    /**
     * Runs OCR over the shards not finished yet and writes the summary file.
     *
     * @param shards the shards, e.g. from {@code Datasets.resolve}
     * @return what the run did
     * @throws IOException when the output cannot be written (a failing sample never throws)
     * @throws IllegalArgumentException when two shards share a name, or the folder holds another engine's results
     */
    public OcrSummary run(List<Shard> shards) throws IOException {
        return run(shards, null);
    }

    /**
     * Runs OCR over the shards not finished yet with an engine the caller owns and keeps open, e.g. one per
     * Spark executor JVM shared by its tasks, so models are loaded once, not once per shard.
     *
     * @param shards the shards, e.g. from {@code Datasets.resolve}
     * @param shared the engine, thread-safe, named as this run's engine; null to open (and close) one here
     * @return what the run did
     * @throws IOException when the output cannot be written (a failing sample never throws)
     * @throws IllegalArgumentException when two shards share a name, the folder holds another engine's results,
     *     or the shared engine is not this run's engine
     */
    public OcrSummary run(List<Shard> shards, SampleSpotter shared) throws IOException {
        if (shared != null && !shared.name().equals(config.engine())) {
            throw new IllegalArgumentException(
                    "the shared engine is " + shared.name() + ", this run's is " + config.engine());
        }
        long start = System.nanoTime();
        Path out = config.out();
        Files.createDirectories(out);
        checkUniqueNames(shards);
        Set<String> partial = readPartial(out);
        List<Shard> todo = new ArrayList<>();
        for (Shard s : shards) {
            ShardOutput so = ShardOutput.of(outputOf(out, s));
            if (partial.contains(s.name()) || !Files.isRegularFile(so.target())) {
                todo.add(s);
                continue;
            }
            checkEngine(so.target());
            ShardOutput.Check check = so.check(this::validate);
            if (check.state() == ShardOutput.State.DAMAGED) {
                LOG.warn("{}: damaged output ({}): redoing shard {}", so.target(), check.reason(), s.name());
                so.discard();
                todo.add(s);
            }
        }
        SkipLog skips = new SkipLog();
        SampleOcr.Counters c = new SampleOcr.Counters();
        List<String> cut = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int written = 0;
        Progress progress = config.progress();
        if (!todo.isEmpty()) {
            SampleSpotter own =
                    shared == null ? TextSpotters.createForSamples(config.engine(), config.options()) : null;
            try (SampleSpotter closing = own) {
                SampleSpotter spotter = shared != null ? shared : own;
                ExecutorService pool = Executors.newFixedThreadPool(config.threads(), daemonThreads());
                try {
                    SampleOcr worker = new SampleOcr(spotter, config.decoder(), skips, c);
                    long remaining = config.limit() > 0 ? config.limit() : Long.MAX_VALUE;
                    for (Shard shard : todo) {
                        if (remaining == 0) {
                            break;
                        }
                        ShardResult r = runShard(shard, worker, pool, remaining, skips, progress);
                        if (r == null) {
                            unreadable.add(shard.name());
                            continue;
                        }
                        remaining -= r.processed();
                        written++;
                        boolean changed = r.cut() ? partial.add(shard.name()) : partial.remove(shard.name());
                        if (r.cut()) {
                            cut.add(shard.name());
                        }
                        if (changed) {
                            writePartial(out, partial);
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        progress.close();
        OcrSummary summary = new OcrSummary(
                config.engine(),
                config.threads(),
                shards.size(),
                written,
                shards.size() - todo.size(),
                cut,
                unreadable,
                c.records.get(),
                c.failedByReason(),
                skips.countsByReason(),
                c.words.get(),
                (System.nanoTime() - start) / 1e9,
                c.engineNanos.get() / 1e9,
                c.decodeNanos.get() / 1e9);
        AtomicFiles.writeString(
                out.resolve("ocr-run-" + STAMP.format(Instant.now()) + ".json"),
                Json.PRETTY.toJson(summary.toJson()) + "\n");
        return summary;
    }

    private record ShardResult(long processed, boolean cut) {}

    /** A journal whose records are not the shard's first samples (the shard changed): start it afresh. */
    private static final class StaleJournal extends Exception {
        private static final long serialVersionUID = 1L;

        StaleJournal(String message) {
            super(message, null, false, false);
        }
    }

    /** One shard in sample order, resumed from its journal; null when the shard cannot be opened. */
    private ShardResult runShard(
            Shard shard, SampleOcr worker, ExecutorService pool, long remaining, SkipLog skips, Progress progress)
            throws IOException {
        deleteStaleTemps(config.out(), shard);
        ShardOutput so = ShardOutput.of(outputOf(config.out(), shard));
        List<String> recovered = so.recover(this::validate);
        try {
            return runShard(shard, so, recovered, worker, pool, remaining, skips, progress);
        } catch (StaleJournal e) {
            LOG.warn("{}: {}: starting shard {} afresh", so.journal(), e.getMessage(), shard.name());
            try {
                return runShard(shard, so, List.of(), worker, pool, remaining, skips, progress);
            } catch (StaleJournal impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private ShardResult runShard(
            Shard shard,
            ShardOutput so,
            List<String> recovered,
            SampleOcr worker,
            ExecutorService pool,
            long remaining,
            SkipLog skips,
            Progress progress)
            throws IOException, StaleJournal {
        List<OcrRecord> records = new ArrayList<>();
        for (String line : recovered) {
            records.add(OcrJsonl.parseLine(line));
        }
        Deque<Future<OcrRecord>> window = new ArrayDeque<>();
        int maxInFlight = 4 * config.threads();
        boolean cut = false;
        long processed = 0;
        SampleStream stream;
        try {
            stream = shard.open(skips);
        } catch (IOException e) {
            skips.add(new Skipped("", shard.path().toString(), "unreadable_shard", e.getMessage()));
            return null;
        }
        try (stream;
                ShardOutput.Journal journal = so.openJournal(recovered)) {
            Iterator<Sample> it = stream.iterator();
            int resumed = 0;
            long left = remaining;
            while (it.hasNext()) {
                if (resumed < recovered.size()) {
                    // the first samples were done by a killed run: their records come from the journal
                    Sample s = it.next();
                    String expected = records.get(resumed).key();
                    if (!s.key().equals(expected)) {
                        throw new StaleJournal("record " + (resumed + 1) + " is " + expected
                                + " but the shard's sample is " + s.key());
                    }
                    resumed++;
                    progress.advance(1);
                    continue;
                }
                if (left == 0) {
                    cut = true;
                    break;
                }
                Sample s = it.next();
                left--;
                processed++;
                window.add(pool.submit(() -> worker.process(s)));
                while (window.size() >= maxInFlight) {
                    records.add(journaled(take(window.poll()), journal));
                    progress.advance(1);
                }
            }
            if (resumed < recovered.size()) {
                throw new StaleJournal("it holds " + recovered.size() + " records, the shard only " + resumed);
            }
            while (!window.isEmpty()) {
                records.add(journaled(take(window.poll()), journal));
                progress.advance(1);
            }
        } finally {
            window.forEach(f -> f.cancel(true));
        }
        so.complete(out -> OcrJsonl.writeLines(out, records));
        return new ShardResult(processed, cut);
    }

    private static OcrRecord journaled(OcrRecord r, ShardOutput.Journal journal) throws IOException {
        journal.append(OcrJsonl.toLine(r));
        return r;
    }

    /** Throws when a line is not an OCR record of this run's engine (resume checks). */
    private void validate(String line) {
        OcrRecord r = OcrJsonl.parseLine(line);
        if (!r.engine().equals(config.engine())) {
            throw new IllegalArgumentException("engine " + r.engine() + ", not " + config.engine());
        }
    }

    private static OcrRecord take(Future<OcrRecord> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("OCR run interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException("OCR worker failed: " + cause, cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ocr-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void checkUniqueNames(List<Shard> shards) {
        Set<String> seen = new HashSet<>();
        for (Shard s : shards) {
            if (!seen.add(s.name())) {
                throw new IllegalArgumentException("two shards are named '" + s.name() + "' (" + s.path()
                        + "); their OCR files would collide: run them into different --out folders");
            }
        }
    }

    private void checkEngine(Path file) throws IOException {
        String engine;
        try (var lines = Files.lines(file)) {
            String first = lines.filter(l -> !l.isBlank()).findFirst().orElse(null);
            if (first == null) {
                return;
            }
            engine = OcrJsonl.parseLine(first).engine();
        } catch (RuntimeException e) {
            return; // not readable: the resume check reports it as damaged and redoes it
        }
        if (!engine.equals(config.engine())) {
            throw new IllegalArgumentException(file + " holds " + engine + " results, not " + config.engine()
                    + ": use another output folder per engine");
        }
    }

    /** Temporary files of an atomic write interrupted by a kill (AtomicFiles names them {@code .<name>.*.tmp}). */
    private static void deleteStaleTemps(Path out, Shard shard) throws IOException {
        String prefix = "." + shard.name() + ".jsonl.";
        String journalPrefix =
                "." + ShardOutput.of(outputOf(out, shard)).journal().getFileName() + ".";
        try (var files = Files.list(out)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if ((n.startsWith(prefix) || n.startsWith(journalPrefix)) && n.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Set<String> readPartial(Path out) throws IOException {
        Path f = out.resolve(PARTIAL_FILE);
        Set<String> s = new HashSet<>();
        if (Files.isRegularFile(f)) {
            for (String l : Files.readAllLines(f)) {
                if (!l.isBlank()) {
                    s.add(l.strip());
                }
            }
        }
        return s;
    }

    private static void writePartial(Path out, Set<String> partial) throws IOException {
        Path f = out.resolve(PARTIAL_FILE);
        if (partial.isEmpty()) {
            Files.deleteIfExists(f);
        } else {
            AtomicFiles.writeString(
                    f, String.join("\n", partial.stream().sorted().toList()) + "\n");
        }
    }
}
