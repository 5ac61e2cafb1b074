package org.parrotscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parrotscope.eval.TrainingZeroShot;
import org.parrotscope.train.ClipTraining;
import org.parrotscope.train.Precision;
import org.parrotscope.train.TrainConfig;
import org.parrotscope.train.TrainInput;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parrotscope train}: contrastive CLIP training from scratch (paper Step 8). */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a CLIP model from scratch on shards or a subset manifest with OpenCLIP's recipe (InfoNCE, AdamW "
                    + "betas 0.9/0.98 eps 1e-6, decay on matrices only, cosine schedule with warm-up).",
            "The preset carries its recipe (steps or epochs, batch, lr, warm-up, weight decay, clipping), printed at"
                    + " start; each recipe flag replaces one value.",
            "Writes OUT/metrics.jsonl, OUT/checkpoints/step-N/ and OUT/final/ (model folders with optimizer state, resumable)."
        })
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @Option(
            names = "--data",
            required = true,
            split = ",",
            paramLabel = "SHARDS|MANIFEST",
            description = "Shard specs (comma-separated) or one subset manifest .json.")
    List<String> data;

    @Option(
            names = "--preset",
            defaultValue = "mini",
            paramLabel = "NAME",
            description = "Architecture preset name, or an OpenCLIP model_cfg .json file (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    // The recipe flags have no defaults here: what is not given comes from the preset's recipe (TrainRecipe).
    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps (default: the preset's recipe).")
    Integer steps;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Epochs (full batches) instead of --steps (default: the preset's recipe).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Pairs per step (default: the preset's recipe).")
    Integer batch;

    @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate (default: the preset's recipe).")
    Float lr;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up steps (default: the preset's recipe).")
    Integer warmup;

    @Option(names = "--wd", paramLabel = "X", description = "Weight decay (default: the preset's recipe).")
    Float wd;

    @Option(
            names = "--grad-clip",
            paramLabel = "X",
            description = "Global gradient-norm limit, 0 = none (default: the preset's recipe).")
    Float gradClip;

    @Option(
            names = "--precision",
            defaultValue = "fp32",
            paramLabel = "fp32|fp16",
            description = "Arithmetic of forward and backward: fp32, or fp16 mixed precision with dynamic loss scaling"
                    + " (float32 master weights, optimizer state and loss; meant for GPUs: slow on a CPU)"
                    + " (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(
            names = "--seed",
            defaultValue = "0",
            paramLabel = "S",
            description = "Seed for init, data order, augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description = "Continue from a checkpoint folder (same data, seed, batch, steps).")
    Path resume;

    @Option(
            names = "--stop-at",
            defaultValue = "0",
            paramLabel = "N",
            description = "Stop with a checkpoint after N steps, keeping the full schedule.")
    int stopAt;

    @Option(
            names = "--vocab",
            paramLabel = "FILE",
            description =
                    "CLIP BPE vocabulary, or a word vocabulary (vocab.json) to share with other models; default: a word vocabulary built from the captions.")
    Path vocab;

    @Option(
            names = "--context",
            defaultValue = "0",
            paramLabel = "N",
            description = "Word-vocabulary context length (default: the preset's context_length).")
    int context;

    @Option(
            names = "--min-count",
            defaultValue = "2",
            paramLabel = "N",
            description = "Word-vocabulary minimum word count (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(
            names = "--checkpoint-every",
            defaultValue = "0",
            paramLabel = "N",
            description = "Steps between checkpoints, 0 = final only.")
    int checkpointEvery;

    @Option(
            names = "--eval-every",
            defaultValue = "0",
            paramLabel = "N",
            description = "Steps between zero-shot evaluations on fresh text-free mini-LAION, 0 = none.")
    int evalEvery;

    @Option(
            names = "--eval-images",
            defaultValue = "400",
            paramLabel = "N",
            description = "Images of the periodic zero-shot evaluation (default: ${DEFAULT-VALUE}).")
    int evalImages;

    @Option(names = "--threads", paramLabel = "N", description = "Image decoding threads (default: cores).")
    Integer threads;

    @Option(
            names = "--loader",
            defaultValue = "auto",
            paramLabel = "memory|stream|auto",
            description = "memory: hold the encoded images; stream: stream the shards through a shuffle buffer; auto:"
                    + " stream when the shards exceed 60%% of the heap (default: ${DEFAULT-VALUE}; --resume keeps the"
                    + " checkpoint's).")
    String loader;

    @Option(
            names = "--shuffle-buffer",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Samples in the streaming loader's shuffle buffer (default: ${DEFAULT-VALUE}).")
    int shuffleBuffer;

    /**
     * The run's settings: the preset's recipe with the recipe flags given instead.
     *
     * @return the configuration
     */
    TrainConfig config() {
        TrainConfig.Builder b = TrainConfig.builder()
                .setData(data)
                .setPreset(preset)
                .setOutDir(out)
                .optSeed(seed)
                .optResume(resume)
                .optStopAt(stopAt)
                .optVocabulary(vocab)
                .optWordVocabulary(context, minCount)
                .optCheckpointEvery(checkpointEvery)
                .optEvalEvery(evalEvery)
                .optLoader(TrainConfig.Loader.parse(loader))
                .optShuffleBuffer(shuffleBuffer)
                .optPrecision(Precision.parse(precision));
        if (steps != null) {
            b.optSteps(steps);
        }
        if (epochs != null) {
            b.optEpochs(epochs);
        }
        if (batch != null) {
            b.optBatch(batch);
        }
        if (lr != null) {
            b.optLearningRate(lr);
        }
        if (warmup != null) {
            b.optWarmup(warmup);
        }
        if (wd != null) {
            b.optWeightDecay(wd);
        }
        if (gradClip != null) {
            b.optGradClip(gradClip);
        }
        if (threads != null) {
            b.optThreads(threads);
        }
        return b.build();
    }

    /**
     * The line printed at start: every recipe value in effect, where they come from and which flags replaced them.
     *
     * @param cfg the run's settings
     * @return e.g. {@code "recipe (preset mini): steps 2800, batch 128, ..."}
     */
    String recipeLine(TrainConfig cfg) {
        List<String> given = new ArrayList<>();
        for (var e : Map.of(
                        "--steps", steps != null,
                        "--epochs", epochs != null,
                        "--batch", batch != null,
                        "--lr", lr != null,
                        "--warmup", warmup != null,
                        "--wd", wd != null,
                        "--grad-clip", gradClip != null,
                        "--precision", !"fp32".equalsIgnoreCase(precision))
                .entrySet()) {
            if (e.getValue()) {
                given.add(e.getKey());
            }
        }
        Collections.sort(given);
        return "recipe (" + cfg.recipe().source() + (given.isEmpty() ? "" : ", with " + String.join(" ", given)) + "): "
                + cfg.recipe().describe() + ", precision " + cfg.precision().label();
    }

    @Override
    public Integer call() throws Exception {
        deviceOptions.apply(spec.commandLine().getErr());
        TrainConfig cfg = config();
        PrintWriter con = spec.commandLine().getOut();
        con.println(recipeLine(cfg));
        con.println(TrainInput.describe(cfg));
        con.flush();
        int planned = cfg.steps() > 0 ? (stopAt > 0 ? Math.min(stopAt, cfg.steps()) : cfg.steps()) : 0;
        try (Progress p = Progress.console("train", planned)) {
            ClipTraining.Result r =
                    ClipTraining.run(cfg, evalEvery > 0 ? TrainingZeroShot.of(seed, evalImages) : null, p);
            double last = r.losses().isEmpty()
                    ? Double.NaN
                    : r.losses().get(r.losses().size() - 1);
            con.printf(
                    Locale.ROOT,
                    "trained steps %d..%d, last loss %.4f, %d undecodable images; model: %s%n",
                    r.startStep(),
                    r.endStep(),
                    last,
                    r.skippedImages(),
                    r.finalDir());
            con.flush();
        }
        return 0;
    }
}
