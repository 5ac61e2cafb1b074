package org.parrotscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.eval.TrainingZeroShot;
import org.parrotscope.train.ClipTraining;
import org.parrotscope.train.TrainConfig;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parrotscope train}: contrastive CLIP training from scratch (paper Step 8). */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a CLIP model from scratch on shards or a subset manifest with OpenCLIP's recipe (InfoNCE, AdamW "
                    + "betas 0.9/0.98 eps 1e-6, decay on matrices only, cosine schedule with warm-up).",
            "Writes OUT/metrics.jsonl, OUT/checkpoints/step-N/ and OUT/final/ (model folders with optimizer state, resumable)."
        })
public final class TrainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps.")
    Integer steps;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Epochs (full batches); default 1 when --steps is absent.")
    Integer epochs;

    @Option(
            names = "--batch",
            defaultValue = "64",
            paramLabel = "N",
            description = "Pairs per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--lr",
            defaultValue = "5e-4",
            paramLabel = "X",
            description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up steps (default: 5%% of the steps).")
    Integer warmup;

    @Option(
            names = "--wd",
            defaultValue = "0.2",
            paramLabel = "X",
            description = "Weight decay (default: ${DEFAULT-VALUE}).")
    float wd;

    @Option(
            names = "--grad-clip",
            defaultValue = "0",
            paramLabel = "X",
            description = "Global gradient-norm limit, 0 = none (default: ${DEFAULT-VALUE}).")
    float gradClip;

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

    @Override
    public Integer call() throws Exception {
        deviceOptions.apply(spec.commandLine().getErr());
        TrainConfig.Builder b = TrainConfig.builder()
                .setData(data)
                .setPreset(preset)
                .setOutDir(out)
                .optBatch(batch)
                .optLearningRate(lr)
                .optWeightDecay(wd)
                .optGradClip(gradClip)
                .optSeed(seed)
                .optResume(resume)
                .optStopAt(stopAt)
                .optVocabulary(vocab)
                .optWordVocabulary(context, minCount)
                .optCheckpointEvery(checkpointEvery)
                .optEvalEvery(evalEvery);
        if (steps != null) {
            b.setSteps(steps);
        } else {
            b.setEpochs(epochs == null ? 1 : epochs);
        }
        if (warmup != null) {
            b.optWarmup(warmup);
        }
        if (threads != null) {
            b.optThreads(threads);
        }
        TrainConfig cfg = b.build();
        try (Progress p = Progress.console("train", steps != null ? (stopAt > 0 ? stopAt : steps) : 0)) {
            ClipTraining.Result r =
                    ClipTraining.run(cfg, evalEvery > 0 ? TrainingZeroShot.of(seed, evalImages) : null, p);
            double last = r.losses().isEmpty()
                    ? Double.NaN
                    : r.losses().get(r.losses().size() - 1);
            System.out.printf(
                    Locale.ROOT,
                    "trained steps %d..%d, last loss %.4f, %d undecodable images; model: %s%n",
                    r.startStep(),
                    r.endStep(),
                    last,
                    r.skippedImages(),
                    r.finalDir());
        }
        return 0;
    }
}
