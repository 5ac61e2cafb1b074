package org.parrotscope.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.parrotscope.util.Json;
import org.parrotscope.util.PeakMemory;

/**
 * Measures a real training run on real data with one loader ({@link TrainInput}): the training throughput and the
 * process's peak resident memory, to compare the streaming loader with the in-memory one and a small data set with a
 * large one (issue 13: peak memory flat in the data size, throughput at least 0.9 of the in-memory loader's).
 * Throughput is over the steps after the first (which includes compiling and filling the queue), from the step times
 * of {@code metrics.jsonl}; each step time includes the wait for its batch, so a loader slower than the optimizer
 * shows. Peak memory is {@code VmHWM}, which covers the whole process; run one measurement per process.
 *
 * @param loader the loader used
 * @param samples training samples of the data
 * @param batch pairs per step
 * @param steps steps trained
 * @param samplesPerSecond pairs per second over steps 2..N
 * @param openSeconds wall time before the first step's timing: opening the data (the counting pass, or loading) and
 *     building the model and vocabulary
 * @param totalSeconds wall time of the whole run
 * @param peakRssBytes resident-set high-water mark, or -1 when unknown
 * @param skippedImages undecodable images
 */
public record LoaderBenchmark(
        String loader,
        int samples,
        int batch,
        int steps,
        double samplesPerSecond,
        double openSeconds,
        double totalSeconds,
        long peakRssBytes,
        int skippedImages) {

    /**
     * Trains {@code cfg} (which should set a fixed number of steps and a scratch output folder) and measures.
     *
     * @param cfg the run; its loader must not be {@code AUTO} for a fair comparison, but may be
     * @return the measurement
     * @throws IOException when the data or outputs cannot be read or written
     */
    public static LoaderBenchmark run(TrainConfig cfg) throws IOException {
        if (cfg.steps() < 2) {
            throw new IllegalArgumentException("the loader benchmark needs at least 2 steps");
        }
        String loader = TrainInput.choose(cfg).loader().name().toLowerCase(java.util.Locale.ROOT);
        long t0 = System.nanoTime();
        ClipTraining.Result r = ClipTraining.run(cfg, null, null);
        double total = (System.nanoTime() - t0) / 1e9;
        List<String> lines = Files.readAllLines(cfg.outDir().resolve(MetricsLog.FILE), StandardCharsets.UTF_8);
        double stepSeconds = 0;
        double firstStep = 0;
        int timed = 0;
        int samples = 0;
        for (String line : lines) {
            JsonObject o = Json.parse(line).getAsJsonObject();
            if (!o.has("samples_per_s")) {
                continue;
            }
            double seconds = cfg.batch() / o.get("samples_per_s").getAsDouble();
            if (o.get("step").getAsInt() == 1) {
                firstStep = seconds;
            } else {
                stepSeconds += seconds;
                timed++;
            }
        }
        TrainState st = TrainState.load(r.finalDir());
        samples = st.samples();
        double open = total - stepSeconds - firstStep;
        return new LoaderBenchmark(
                loader,
                samples,
                cfg.batch(),
                r.endStep() - r.startStep(),
                timed * cfg.batch() / stepSeconds,
                open,
                total,
                PeakMemory.residentBytes(),
                r.skippedImages());
    }

    /**
     * Deletes a scratch output folder of a benchmark run.
     *
     * @param dir the folder
     * @throws IOException when it cannot be deleted
     */
    public static void deleteScratch(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
