package org.parrotscope.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A training run's settings (paper Step 8, Sec. 5). The optimisation values a run does not set come from its
 * preset's recipe ({@link TrainRecipe#forPreset}), so {@code setPreset("mini")} alone trains the measured recipe.
 *
 * @param data shard specs or one subset-manifest file
 * @param preset the CLIP architecture preset name (e.g. {@code mini}, {@code ViT-B-32})
 * @param outDir output folder: {@code checkpoints/step-N/}, {@code final/}, {@code metrics.jsonl}
 * @param steps total optimizer steps (resolved from epochs when built with {@code optEpochs})
 * @param epochs epochs, or 0 when steps were given
 * @param batch pairs per step
 * @param learningRate peak learning rate
 * @param warmup linear warm-up steps, or -1 for 5 % of the steps ({@link #warmupSteps})
 * @param weightDecay decoupled weight decay on matrices only
 * @param beta1 AdamW beta 1
 * @param beta2 AdamW beta 2
 * @param epsilon AdamW epsilon
 * @param gradClip maximum global gradient norm, 0 for none
 * @param seed fixes initialisation, data order and augmentation
 * @param checkpointEvery steps between checkpoints, 0 for only the final one
 * @param evalEvery steps between evaluations, 0 for none
 * @param vocab a given vocabulary (a CLIP BPE file, or a word vocabulary {@code vocab.json} saved by {@link
 * WordTokenizer#save}),
 *     or null to build a word vocabulary from the training captions
 * @param wordContext context length of a built word vocabulary, 0 for the preset's {@code context_length}
 * @param wordMinCount minimum count of a word to enter the built vocabulary
 * @param threads image decoding threads
 * @param resume a checkpoint folder to continue from, or null
 * @param stopAt stop with a checkpoint after this many steps (the schedule still spans all steps), 0 = run to the end
 * @param loader how the data reach the optimizer ({@link Loader})
 * @param shuffleBuffer samples in the streaming loader's shuffle buffer
 * @param precision fp32, or fp16 mixed precision with dynamic loss scaling ({@link StepRunner})
 */
public record TrainConfig(
        List<String> data,
        String preset,
        Path outDir,
        int steps,
        int epochs,
        int batch,
        float learningRate,
        int warmup,
        float weightDecay,
        float beta1,
        float beta2,
        float epsilon,
        float gradClip,
        long seed,
        int checkpointEvery,
        int evalEvery,
        Path vocab,
        int wordContext,
        int wordMinCount,
        int threads,
        Path resume,
        int stopAt,
        Loader loader,
        int shuffleBuffer,
        Precision precision) {

    /**
     * How training data reach the optimizer. {@code MEMORY} holds every encoded image ({@link TrainingData}, up to
     * {@link TrainingData#HEAP_SHARE} of the heap); {@code STREAM} streams the shards through a shuffle buffer
     * ({@link StreamingSource}); {@code AUTO} streams when the shards on disk exceed that share of the heap, and
     * otherwise holds them. A resumed run keeps the loader of its checkpoint.
     */
    public enum Loader {
        /** Every encoded image in memory. */
        MEMORY,
        /** Shards streamed through a shuffle buffer. */
        STREAM,
        /** Streams when the data exceed the memory budget. */
        AUTO;

        /**
         * Parses a command-line value.
         *
         * @param s {@code memory}, {@code stream} or {@code auto}
         * @return the loader
         */
        public static Loader parse(String s) {
            for (Loader l : values()) {
                if (l.name().equalsIgnoreCase(s)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("loader must be memory, stream or auto, got " + s);
        }
    }

    /** Validates the settings. */
    public TrainConfig {
        data = List.copyOf(data);
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(precision, "precision");
        if (shuffleBuffer < 1) {
            throw new IllegalArgumentException("the shuffle buffer needs at least 1 sample, got " + shuffleBuffer);
        }
        Objects.requireNonNull(outDir, "outDir");
        if (data.isEmpty()) {
            throw new IllegalArgumentException("no training data given");
        }
        if ((steps < 1) == (epochs < 1)) {
            throw new IllegalArgumentException("give exactly one of steps or epochs (positive)");
        }
        if (batch < 2) {
            throw new IllegalArgumentException("a contrastive batch needs at least 2 pairs, got " + batch);
        }
        if (!(learningRate > 0)
                || warmup < -1
                || weightDecay < 0
                || gradClip < 0
                || checkpointEvery < 0
                || evalEvery < 0
                || threads < 1
                || stopAt < 0) {
            throw new IllegalArgumentException("need lr > 0 and non-negative warmup (-1: 5 % of the steps), weight"
                    + " decay, grad clip, intervals; threads >= 1");
        }
        if ((wordContext != 0 && wordContext < 3) || wordMinCount < 1) {
            throw new IllegalArgumentException(
                    "word vocabulary needs context >= 3 (0: the preset's) and min count >= 1");
        }
    }

    /**
     * The total number of steps for a dataset size.
     *
     * @param samples training samples
     * @return {@link #steps()} or epochs times full batches per epoch
     */
    public int totalSteps(int samples) {
        return steps > 0 ? steps : epochs * BatchLoader.stepsPerEpoch(samples, batch);
    }

    /**
     * The warm-up length of a run.
     *
     * @param totalSteps the run's total steps ({@link #totalSteps})
     * @return {@link #warmup()}, or 5 % of the total steps (at least 1) when it is -1
     */
    public int warmupSteps(int totalSteps) {
        return warmup >= 0 ? warmup : Math.max(1, totalSteps / 20);
    }

    /**
     * The optimisation values in effect, as a recipe: the preset's recipe with whatever the builder set instead.
     *
     * @return the values of this run
     */
    public TrainRecipe recipe() {
        return new TrainRecipe(
                TrainRecipe.forPreset(preset).source(),
                steps,
                epochs,
                batch,
                learningRate,
                warmup,
                weightDecay,
                gradClip);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link TrainConfig}: required {@code setData, setPreset, setOutDir}; the optimisation values not set
     * here (length, batch, learning rate, warm-up, weight decay, clipping) are the preset's recipe.
     */
    public static final class Builder {
        private List<String> data = List.of();
        private String preset;
        private Path outDir;
        private Integer steps;
        private Integer epochs;
        private Integer batch;
        private Float lr;
        private Integer warmup;
        private Float wd;
        private float beta1 = 0.9f;
        private float beta2 = 0.98f;
        private float eps = 1e-6f;
        private Float clip;
        private long seed;
        private int checkpointEvery;
        private int evalEvery;
        private Path bpe;
        private int wordContext = 0;
        private int wordMinCount = 2;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Path resume;
        private int stopAt;
        private Loader loader = Loader.AUTO;
        private int shuffleBuffer = StreamingSource.DEFAULT_SHUFFLE_BUFFER;
        private Precision precision = Precision.FP32;

        /** @param specs shard specs or one manifest file @return this */
        public Builder setData(List<String> specs) {
            this.data = specs;
            return this;
        }

        /** @param name the architecture preset, whose recipe fills the values not set here @return this */
        public Builder setPreset(String name) {
            this.preset = name;
            return this;
        }

        /** @param dir the output folder @return this */
        public Builder setOutDir(Path dir) {
            this.outDir = dir;
            return this;
        }

        /** @param n total optimizer steps (default: the recipe's length; not with {@link #optEpochs}) @return this */
        public Builder optSteps(int n) {
            this.steps = n;
            return this;
        }

        /** @param n epochs over the data, full batches (default: the recipe's length) @return this */
        public Builder optEpochs(int n) {
            this.epochs = n;
            return this;
        }

        /** @param n pairs per step (default: the recipe's, 64 without one) @return this */
        public Builder optBatch(int n) {
            this.batch = n;
            return this;
        }

        /** @param x peak learning rate (default: the recipe's, 5e-4 without one) @return this */
        public Builder optLearningRate(float x) {
            this.lr = x;
            return this;
        }

        /** @param n warm-up steps (default: the recipe's, 5% of the total without one) @return this */
        public Builder optWarmup(int n) {
            this.warmup = n;
            return this;
        }

        /** @param x weight decay (default: the recipe's, 0.2 without one) @return this */
        public Builder optWeightDecay(float x) {
            this.wd = x;
            return this;
        }

        /**
         * @param b1 beta 1 (default 0.9) @param b2 beta 2 (default 0.98) @param e epsilon (default 1e-6) @return this
         */
        public Builder optAdam(float b1, float b2, float e) {
            this.beta1 = b1;
            this.beta2 = b2;
            this.eps = e;
            return this;
        }

        /** @param maxNorm global gradient norm limit (default: the recipe's, 0 = none without one) @return this */
        public Builder optGradClip(float maxNorm) {
            this.clip = maxNorm;
            return this;
        }
        /** @param s the run seed (default 0) @return this */
        public Builder optSeed(long s) {
            this.seed = s;
            return this;
        }

        /** @param n steps between checkpoints (default 0 = final only) @return this */
        public Builder optCheckpointEvery(int n) {
            this.checkpointEvery = n;
            return this;
        }

        /** @param n steps between evaluations (default 0 = none) @return this */
        public Builder optEvalEvery(int n) {
            this.evalEvery = n;
            return this;
        }

        /**
         * @param file a CLIP BPE vocabulary, or a saved word vocabulary to share one tokenizer between models (default
         *     none: build a word vocabulary from the training captions)
         * @return this
         */
        public Builder optVocabulary(Path file) {
            this.bpe = file;
            return this;
        }

        /**
         * @param context word-vocabulary context length (default 0: the preset's {@code context_length}) @param
         * minCount minimum word count (default 2) @return this
         */
        public Builder optWordVocabulary(int context, int minCount) {
            this.wordContext = context;
            this.wordMinCount = minCount;
            return this;
        }

        /** @param n decoding threads (default: available processors) @return this */
        public Builder optThreads(int n) {
            this.threads = n;
            return this;
        }

        /** @param checkpoint a checkpoint folder to resume from (default none) @return this */
        public Builder optResume(Path checkpoint) {
            this.resume = checkpoint;
            return this;
        }

        /** @param step stop with a checkpoint after this many steps (default 0 = run to the end) @return this */
        public Builder optStopAt(int step) {
            this.stopAt = step;
            return this;
        }

        /** @param l how data reach the optimizer (default {@link Loader#AUTO}) @return this */
        public Builder optLoader(Loader l) {
            this.loader = l;
            return this;
        }

        /**
         * @param n samples in the streaming loader's shuffle buffer (default {@link
         *     StreamingSource#DEFAULT_SHUFFLE_BUFFER})
         * @return this
         */
        public Builder optShuffleBuffer(int n) {
            this.shuffleBuffer = n;
            return this;
        }

        /**
         * @param p fp32, or fp16 mixed precision (default {@link Precision#FP32})
         * @return this
         */
        public Builder optPrecision(Precision p) {
            this.precision = p;
            return this;
        }

        /**
         * @return the validated configuration
         * @throws IllegalArgumentException when both steps and epochs are set, or a value is out of range
         */
        public TrainConfig build() {
            Objects.requireNonNull(preset, "setPreset is required");
            if (steps != null && epochs != null) {
                throw new IllegalArgumentException("give steps or epochs, not both");
            }
            TrainRecipe r = TrainRecipe.forPreset(preset);
            boolean ownLength = steps != null || epochs != null;
            return new TrainConfig(
                    data,
                    preset,
                    outDir,
                    ownLength ? (steps == null ? 0 : steps) : r.steps(),
                    ownLength ? (epochs == null ? 0 : epochs) : r.epochs(),
                    batch != null ? batch : r.batch(),
                    lr != null ? lr : r.learningRate(),
                    warmup != null ? warmup : r.warmup(),
                    wd != null ? wd : r.weightDecay(),
                    beta1,
                    beta2,
                    eps,
                    clip != null ? clip : r.gradClip(),
                    seed,
                    checkpointEvery,
                    evalEvery,
                    bpe,
                    wordContext,
                    wordMinCount,
                    threads,
                    resume,
                    stopAt,
                    loader,
                    shuffleBuffer,
                    precision);
        }
    }
}
