package org.parrotscope.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.parrotscope.clip.ClipConfig;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPreprocessor;
import org.parrotscope.clip.GpuMemory;
import org.parrotscope.util.PeakMemory;

/**
 * Measures training throughput of an architecture with random data: whole optimizer steps ({@link StepRunner}:
 * forward, InfoNCE, backward, AdamW) on random uint8 pixels (normalised on the device, {@link DeviceInput}) and random
 * token ids, after warm-up steps. Peak memory is
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
 * @param precision fp32 or fp16
 * @param device the device the model trained on
 * @param gpuMemory the GPU memory line ({@link GpuMemory}), read after the timed steps
 */
public record TrainBenchmark(
        String preset,
        long parameters,
        int batch,
        int steps,
        double samplesPerSecond,
        double secondsPerStep,
        long peakRssBytes,
        Precision precision,
        String device,
        String gpuMemory) {

    /**
     * OpenCLIP's reported ViT-B/32 training throughput, about 785 samples/s per A100 (batch 256 per GPU, mixed
     * precision), as issue 15 quotes it; not measured here (no GPU).
     */
    public static final double OPENCLIP_VIT_B32_SAMPLES_PER_S = 785;

    /**
     * Runs the benchmark in fp32.
     *
     * @param name the preset name (for the report)
     * @param config the architecture
     * @param batch pairs per step
     * @param warmup untimed steps
     * @param steps timed steps
     * @return the measurement
     */
    public static TrainBenchmark run(String name, ClipConfig config, int batch, int warmup, int steps) {
        return run(name, config, batch, warmup, steps, Precision.FP32);
    }

    /**
     * The reference line printed under the table.
     *
     * @return OpenCLIP's number with what it was measured on
     */
    public static String reference() {
        return String.format(
                Locale.ROOT,
                "reference: OpenCLIP ViT-B-32 training about %.0f samples/s per A100 at batch 256 (mixed precision);"
                        + " compare with --device gpu --preset ViT-B-32 --batch 256 --precision fp16",
                OPENCLIP_VIT_B32_SAMPLES_PER_S);
    }

    /**
     * Runs the benchmark.
     *
     * @param name the preset name (for the report)
     * @param config the architecture
     * @param batch pairs per step
     * @param warmup untimed steps
     * @param steps timed steps
     * @param precision fp32, or fp16 mixed precision
     * @return the measurement
     */
    public static TrainBenchmark run(
            String name, ClipConfig config, int batch, int warmup, int steps, Precision precision) {
        int side = config.vision().imageSize();
        int ctx = config.text().contextLength();
        int vocab = config.text().vocabSize();
        SplittableRandom rng = new SplittableRandom(0);
        try (ClipModel model = ClipModel.create(config, 0);
                StepRunner runner = new StepRunner(
                        model,
                        AdamW.builder().optLearningRateTracker(Tracker.fixed(1e-4f)),
                        0f,
                        batch,
                        ctx,
                        precision);
                DeviceInput input =
                        new DeviceInput(model.manager(), ClipPreprocessor.OPENAI_MEAN, ClipPreprocessor.OPENAI_STD)) {
            long start = 0;
            for (int i = 0; i < warmup + steps; i++) {
                if (i == warmup) {
                    start = System.nanoTime();
                }
                byte[] px = new byte[batch * 3 * side * side];
                for (int k = 0; k < px.length; k++) {
                    px[k] = (byte) rng.nextInt(256);
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
                TrainBatch b = new TrainBatch(i, 0, batch, px, ids, List.of());
                try (NDManager m = runner.newBatchManager()) {
                    runner.step(input.pixels(b, side, m), input.tokens(b, ctx, m));
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
                    PeakMemory.residentBytes(),
                    precision,
                    model.device().toString(),
                    GpuMemory.describe(model.device()));
        }
    }
}
