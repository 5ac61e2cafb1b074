package org.parrotscope.train;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parrotscope.clip.ClipConfig;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.clip.TextTokenizer;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.clip.WordTokenizer;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.SkipLog;
import org.parrotscope.util.Progress;

/**
 * Contrastive CLIP training from scratch (paper Step 8, Sec. 5, with OpenCLIP's recipe): symmetric InfoNCE,
 * AdamW with decay on matrices only, cosine schedule with warm-up, optional global-norm clipping, logit
 * scale clamped to [0, ln 100] after every step as OpenCLIP does ({@link StepRunner}), on the device(s) of
 * {@link org.parrotscope.clip.ComputeDevice} (one by default, data-parallel over {@code --gpus N}). Data come from
 * {@link TrainInput} (in memory, or streamed); checkpoints from {@link Checkpoints}; the log is {@link MetricsLog}.
 */
public final class ClipTraining {

    private ClipTraining() {}

    /**
     * What a run did.
     *
     * @param finalDir the last checkpoint written (a loadable model folder)
     * @param startStep the step the run started at (0, or the resumed step)
     * @param endStep steps done at the end
     * @param losses the loss of every step this run did, in order
     * @param skippedImages images that could not be decoded
     */
    public record Result(Path finalDir, int startStep, int endStep, List<Double> losses, int skippedImages) {}

    /**
     * Trains.
     *
     * @param cfg the run settings
     * @param evaluation periodic evaluation, or null
     * @param progress receives one unit per step, or null for none
     * @return the outcome
     * @throws IOException when data, a checkpoint or an output cannot be read or written
     */
    public static Result run(TrainConfig cfg, TrainingEvaluation evaluation, Progress progress) throws IOException {
        SkipLog skips = new SkipLog();
        TrainInput samples = TrainInput.open(cfg, TrainInput.choose(cfg).loader(), skips);
        int total = cfg.totalSteps(samples.size());
        int start = 0;
        long cursor = -1;
        TextTokenizer tokenizer;
        ClipModel model;
        if (cfg.resume() != null) {
            TrainState st = TrainState.load(cfg.resume());
            if (st.totalSteps() != total
                    || st.seed() != cfg.seed()
                    || st.batch() != cfg.batch()
                    || st.samples() != samples.size()
                    || st.shuffleBuffer() != samples.shuffleBuffer()) {
                throw new IOException(cfg.resume() + ": checkpoint was made with total steps " + st.totalSteps()
                        + ", seed " + st.seed() + ", batch " + st.batch() + ", " + st.samples() + " samples, shuffle"
                        + " buffer " + st.shuffleBuffer() + "; this run has " + total + ", " + cfg.seed() + ", "
                        + cfg.batch() + ", " + samples.size() + ", " + samples.shuffleBuffer());
            }
            start = st.step();
            cursor = st.cursor();
            model = ClipModel.load(cfg.resume());
            tokenizer = Tokenizers.forModel(cfg.resume());
        } else {
            ClipConfig preset = preset(cfg.preset());
            if (cfg.vocab() != null) {
                tokenizer = Tokenizers.open(cfg.vocab());
            } else {
                int ctx = cfg.wordContext() > 0
                        ? cfg.wordContext()
                        : preset.text().contextLength();
                tokenizer = WordTokenizer.build(samples.captions(), cfg.wordMinCount(), ctx);
            }
            // a word vocabulary fixes the context it was built for; CLIP's BPE takes the preset's
            int ctx = tokenizer.contextLength().orElse(preset.text().contextLength());
            model = ClipModel.create(withTokenizer(preset, tokenizer, ctx), cfg.seed());
        }
        try (model) {
            return loop(cfg, samples, total, start, cursor, tokenizer, model, evaluation, progress);
        }
    }

    /**
     * An architecture by preset name, or from an OpenCLIP {@code model_cfg} JSON file.
     *
     * @param nameOrFile a name of {@link ClipPresets#names()} or a path ending in {@code .json}
     * @return the architecture
     * @throws IOException when the file cannot be read
     */
    public static ClipConfig preset(String nameOrFile) throws IOException {
        return nameOrFile.endsWith(".json") ? ClipConfig.read(Path.of(nameOrFile)) : ClipPresets.load(nameOrFile);
    }

    /**
     * A preset with the text tower sized for a tokenizer: its vocabulary size and a context length.
     *
     * @param preset the architecture
     * @param tokenizer the tokenizer
     * @param contextLength ids per text
     * @return the adjusted architecture
     */
    public static ClipConfig withTokenizer(ClipConfig preset, TextTokenizer tokenizer, int contextLength) {
        ClipConfig.TextConfig t = preset.text();
        return new ClipConfig(
                preset.embedDim(),
                preset.vision(),
                new ClipConfig.TextConfig(
                        contextLength, tokenizer.vocabSize(), t.width(), t.heads(), t.layers(), t.mlpRatio()),
                preset.quickGelu());
    }

    private static Result loop(
            TrainConfig cfg,
            TrainInput samples,
            int total,
            int start,
            long cursor,
            TextTokenizer tokenizer,
            ClipModel model,
            TrainingEvaluation evaluation,
            Progress progress)
            throws IOException {
        CosineWarmup schedule = new CosineWarmup(cfg.learningRate(), cfg.warmupSteps(total), total);
        AdamW.Builder adamw = AdamW.builder()
                .optLearningRateTracker(schedule)
                .optBetas(cfg.beta1(), cfg.beta2())
                .optEpsilon(cfg.epsilon())
                .optDecoupledWeightDecay(cfg.weightDecay());
        int side = model.config().vision().imageSize();
        int ctx = model.config().text().contextLength();
        TrainTransform transform = new TrainTransform(
                side, 0.9, 1.0, floats(model.preprocessConfig(), "mean"), floats(model.preprocessConfig(), "std"));
        ImageDecoder decoder = ImageDecoder.defaults();
        int stop = cfg.stopAt() > 0 ? Math.min(cfg.stopAt(), total) : total;
        MetricsLog log = new MetricsLog(cfg.outDir(), start + 1);
        List<Double> losses = new ArrayList<>();
        Path last = null;
        try (StepRunner runner = new StepRunner(model, adamw, cfg.gradClip(), cfg.batch(), ctx, cfg.precision());
                DeviceInput input = new DeviceInput(model.manager(), transform.mean(), transform.std());
                TrainLoader loader = samples.loader(cfg, start, cursor, stop, transform, tokenizer, ctx, s -> {
                    try {
                        return decoder.decode(s);
                    } catch (IOException e) {
                        throw new IllegalArgumentException(s.key() + ": " + e.getMessage(), e);
                    }
                })) {
            if (cfg.resume() != null) {
                runner.optimizer()
                        .importState(
                                OptimizerState.load(cfg.resume().resolve(Checkpoints.OPTIMIZER_FILE)),
                                runner.nameToId(),
                                model.parameters().get("logit_scale").getArray());
                TrainState st = TrainState.load(cfg.resume());
                if (runner.scaler() != null && st.lossScale() > 0) {
                    // the fp16 scaler continues where it stood, so a resumed run skips the steps a straight one would
                    runner.scaler().restore(st.lossScale(), st.lossScaleFiniteSteps());
                }
            }
            long t0 = System.nanoTime();
            while (loader.hasNext()) {
                TrainBatch b = loader.next();
                double loss;
                try (NDManager bm = runner.newBatchManager()) {
                    loss = runner.step(input.pixels(b, side, bm), input.tokens(b, ctx, bm));
                }
                int done = b.step() + 1;
                losses.add(loss);
                JsonObject e = new JsonObject();
                e.addProperty("step", done);
                e.addProperty("epoch", b.epoch());
                e.addProperty("loss", loss);
                e.addProperty("lr", schedule.at(b.step()));
                e.addProperty("logit_scale", runner.logitScale());
                e.addProperty("samples_per_s", b.size() / ((System.nanoTime() - t0) / 1e9));
                e.addProperty("grad_norm", runner.lastGradNorm());
                e.addProperty("skipped_steps", runner.skippedSteps());
                e.addProperty("retried_steps", runner.retriedSteps());
                if (runner.scaler() != null) {
                    e.addProperty("precision", runner.precision().label());
                    e.addProperty("loss_scale", runner.scaler().scale());
                    e.addProperty("overflow_steps", runner.overflowSteps());
                }
                if (!runner.lastNonFiniteGradients().isEmpty()) {
                    // where a non-finite gradient appeared (the step was retried): diagnosis of the transient NaN
                    com.google.gson.JsonArray bad = new com.google.gson.JsonArray();
                    runner.lastNonFiniteGradients().forEach(bad::add);
                    e.add("non_finite_gradients", bad);
                }
                log.append(e);
                if (progress != null) {
                    progress.advance(1);
                }
                if (evaluation != null && cfg.evalEvery() > 0 && (done % cfg.evalEvery() == 0 || done == stop)) {
                    JsonObject ev = new JsonObject();
                    ev.addProperty("step", done);
                    ev.add("eval", evaluation.evaluate(model, tokenizer, done));
                    log.append(ev);
                }
                TrainState state = new TrainState(
                        done,
                        total,
                        cfg.seed(),
                        cfg.batch(),
                        samples.size(),
                        samples.loaderName(),
                        samples.shuffleBuffer(),
                        b.cursor(),
                        runner.precision().label(),
                        runner.scaler() == null ? 0f : runner.scaler().scale(),
                        runner.scaler() == null ? 0 : runner.scaler().finiteSteps());
                if (done == stop) {
                    last = cfg.outDir()
                            .resolve(done == total ? "final" : "checkpoints/step-" + String.format("%07d", done));
                    Checkpoints.save(last, model, tokenizer, runner.optimizer(), runner.idToName(), state);
                } else if (cfg.checkpointEvery() > 0 && done % cfg.checkpointEvery() == 0) {
                    Checkpoints.save(
                            cfg.outDir().resolve("checkpoints/step-" + String.format("%07d", done)),
                            model,
                            tokenizer,
                            runner.optimizer(),
                            runner.idToName(),
                            state);
                }
                t0 = System.nanoTime();
            }
            return new Result(last, start, start + losses.size(), losses, loader.skipped());
        }
    }

    private static float[] floats(JsonObject o, String key) {
        var a = o.getAsJsonArray(key);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }
}
