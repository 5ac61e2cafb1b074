package org.parrotscope.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.parrotscope.train.ClipTraining;
import org.parrotscope.train.TrainConfig;
import org.parrotscope.util.Progress;

/**
 * Trains one model of the experiment, resumable: a finished model ({@code final/}, written atomically by the
 * trainer) is skipped; a killed run continues from its latest checkpoint.
 */
final class ModelTraining {

    /** Checkpoints a run writes on its way, so that a killed run loses at most this share of its steps. */
    private static final int CHECKPOINTS_PER_RUN = 4;

    private ModelTraining() {}

    /**
     * The model folder of a training run, trained first unless it is finished.
     *
     * @param recipe the recipe
     * @param data shard specs or one manifest
     * @param samples the training samples (the batch is at most this)
     * @param vocab the shared word vocabulary
     * @param seed initialisation and data-order seed
     * @param dir the run folder
     * @param progress advanced once per step
     * @return {@code dir/final}
     * @throws IOException when training fails to read or write
     */
    static Path trained(
            ExperimentConfig.Recipe recipe,
            List<String> data,
            int samples,
            Path vocab,
            long seed,
            Path dir,
            Progress progress)
            throws IOException {
        Path fin = dir.resolve("final");
        if (Files.isDirectory(fin)) {
            return fin;
        }
        TrainConfig.Builder b = TrainConfig.builder()
                .setData(data)
                .setPreset(recipe.preset())
                .setOutDir(dir)
                .optSteps(recipe.steps())
                .optBatch(batch(recipe, samples))
                .optLearningRate(recipe.learningRate())
                .optWarmup(recipe.warmup())
                .optWeightDecay(recipe.weightDecay())
                .optGradClip(recipe.gradClip())
                .optSeed(seed)
                .optVocabulary(vocab)
                .optCheckpointEvery(Math.max(1, recipe.steps() / CHECKPOINTS_PER_RUN));
        Path last = latestCheckpoint(dir);
        if (last != null) {
            b.optResume(last);
        }
        ClipTraining.Result r = ClipTraining.run(b.build(), null, progress);
        return r.finalDir();
    }

    /**
     * The batch a run uses: the recipe's, at most the training samples, at least 2.
     *
     * @param recipe the recipe
     * @param samples the training samples
     * @return pairs per step
     */
    static int batch(ExperimentConfig.Recipe recipe, int samples) {
        return Math.max(2, Math.min(recipe.batch(), samples));
    }

    private static Path latestCheckpoint(Path dir) throws IOException {
        Path cps = dir.resolve("checkpoints");
        if (!Files.isDirectory(cps)) {
            return null;
        }
        try (Stream<Path> s = Files.list(cps)) {
            return s.filter(p -> p.getFileName().toString().startsWith("step-") && Files.isDirectory(p))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElse(null);
        }
    }
}
