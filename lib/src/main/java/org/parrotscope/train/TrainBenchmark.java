package org.parrotscope.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import java.util.SplittableRandom;
import org.parrotscope.clip.ClipConfig;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.util.PeakMemory;

/**
 * Measures training throughput of an architecture with random data: whole optimizer steps ({@link StepRunner}:
 * forward, InfoNCE, backward, AdamW) on random pixels and random token ids, after warm-up steps. Peak memory is
 * the process's resident-set high-water mark ({@code VmHWM} of {@code /proc/self/status}, which includes the
 * native tensors), read after the timed steps; it covers everything the JVM did before, too.
 *
 * @param preset the architecture name
 * @param parameters trainable values
 * @param batch pairs per step
 * @param steps timed steps
 * @param samplesPerSecond pairs per second over the timed steps
 * @param secondsPerStep mean wall time of a timed step
 * @param peakRssBytes resident-set high-water mark, or -1 when unknown
 */
public record TrainBenchmark(
        String preset,
        long parameters,
        int batch,
        int steps,
        double samplesPerSecond,
        double secondsPerStep,
        long peakRssBytes) {

    /**
     * Runs the benchmark.
     *
     * @param name the preset name (for the report)
     * @param config the architecture
     * @param batch pairs per step
     * @param warmup untimed steps
     * @param steps timed steps
     * @return the measurement
     */
    public static TrainBenchmark run(String name, ClipConfig config, int batch, int warmup, int steps) {
        int side = config.vision().imageSize();
        int ctx = config.text().contextLength();
        int vocab = config.text().vocabSize();
        SplittableRandom rng = new SplittableRandom(0);
        try (ClipModel model = ClipModel.create(config, 0);
                StepRunner runner = new StepRunner(
                        model, AdamW.builder().optLearningRateTracker(Tracker.fixed(1e-4f)), 0f, batch, ctx)) {
            long start = 0;
            for (int i = 0; i < warmup + steps; i++) {
                if (i == warmup) {
                    start = System.nanoTime();
                }
                float[] px = new float[batch * 3 * side * side];
                for (int k = 0; k < px.length; k++) {
                    px[k] = (float) rng.nextGaussian();
                }
                long[] ids = new long[batch * ctx];
                for (int b = 0; b < batch; b++) {
                    int len = 2 + rng.nextInt(ctx - 1);
                    ids[b * ctx] = vocab - 2;
                    for (int k = 1; k < len - 1; k++) {
                        ids[b * ctx + k] = 1 + rng.nextInt(vocab - 3);
                    }
                    ids[b * ctx + len - 1] = vocab - 1; // end token = largest id, where CLIP pools
                }
                try (NDManager m = runner.newBatchManager()) {
                    runner.step(m.create(px, new Shape(batch, 3, side, side)), m.create(ids, new Shape(batch, ctx)));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new TrainBenchmark(
                    name,
                    config.parameterCount(),
                    batch,
                    steps,
                    batch * steps / seconds,
                    seconds / steps,
                    PeakMemory.residentBytes());
        }
    }
}
