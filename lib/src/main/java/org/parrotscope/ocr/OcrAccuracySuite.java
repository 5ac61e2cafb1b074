package org.parrotscope.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.parrotscope.data.Shard;

/**
 * Word accuracy of engines against ground truth: runs the {@code oracle} engine (the generator's truth of
 * mini-LAION shards) and each engine over the same shards with {@link OcrRun}, keeping every run's JSONL under
 * {@code <dir>/<engine>/} (resumable, and usable by {@code parrotscope stats}), and compares them with {@link
 * WordAccuracy#compare}.
 */
public final class OcrAccuracySuite {

    /**
     * One engine's result.
     *
     * @param engine the engine name
     * @param accuracy its words against the oracle's
     * @param run what its OCR run did (throughput, failures)
     */
    public record EngineAccuracy(String engine, WordAccuracy accuracy, OcrSummary run) {
        /** Checks the fields. */
        public EngineAccuracy {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(accuracy, "accuracy");
            Objects.requireNonNull(run, "run");
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-10s %s; text rate %.3f vs truth %.3f; %.1f images/s with %d threads",
                    engine,
                    accuracy,
                    accuracy.textRateSpotted(),
                    accuracy.textRateTruth(),
                    run.imagesPerSecond(),
                    run.threads());
        }
    }

    private OcrAccuracySuite() {}

    /**
     * Runs the oracle, then every engine.
     *
     * @param engines engine names
     * @param shards mini-LAION shards (with ground truth)
     * @param dir the folder for the runs' JSONL
     * @param threads OCR threads per run
     * @param sink receives each engine's result when it is done (for live output)
     * @return the results, in engine order
     * @throws IOException when a shard or an output cannot be read or written
     */
    public static List<EngineAccuracy> run(
            List<String> engines, List<Shard> shards, Path dir, int threads, Consumer<EngineAccuracy> sink)
            throws IOException {
        List<OcrRecord> truth = records("oracle", runOne("oracle", shards, dir, threads), shards, dir);
        List<EngineAccuracy> out = new ArrayList<>();
        for (String name : engines) {
            OcrSummary summary = runOne(name, shards, dir, threads);
            EngineAccuracy a =
                    new EngineAccuracy(name, WordAccuracy.compare(truth, records(name, summary, shards, dir)), summary);
            out.add(a);
            sink.accept(a);
        }
        return out;
    }

    private static OcrSummary runOne(String engine, List<Shard> shards, Path dir, int threads) throws IOException {
        return OcrRun.builder()
                .setOut(dir.resolve(engine))
                .optEngine(engine)
                .optThreads(threads)
                .buildRun()
                .run(shards);
    }

    /** The records of a finished run (the summary is taken so a run must come first). */
    private static List<OcrRecord> records(String engine, OcrSummary run, List<Shard> shards, Path dir)
            throws IOException {
        Objects.requireNonNull(run, "run");
        List<OcrRecord> all = new ArrayList<>();
        for (Shard sh : shards) {
            all.addAll(OcrJsonl.read(OcrRun.outputOf(dir.resolve(engine), sh)));
        }
        return all;
    }
}
