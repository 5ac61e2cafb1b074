package org.parrotscope.experiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.eval.ClipEmbedder;
import org.parrotscope.eval.EvalOptions;
import org.parrotscope.eval.EvalSuite;
import org.parrotscope.eval.RetrievalResult;
import org.parrotscope.train.ClipTraining;
import org.parrotscope.train.MetricsLog;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Can a model of this size learn to read the printed words at all, given the easiest data there is? Trains one model
 * with a recipe of the experiment on mini-LAION pairs where every image carries text and every caption spells its
 * printed words (parrot captions only), then measures how far its contrastive loss fell from chance and how well it
 * retrieves held-out pairs of the same kind, where reading is the only way to match an image with its caption. A
 * model that cannot learn this cannot learn to spot text from the experiment's subsets either, so the subset
 * experiment cannot show the paper's effect at that size; this is the probe's use (notebook 09, lib/README.md).
 *
 * <p>Cached and resumable like the experiment's stages: the generated pairs by a completion file, the model by its
 * {@code final/} folder and checkpoints.
 */
public final class ReadingProbe {

    /** Steps at the end of training whose losses are averaged (the loss of one batch is noisy). */
    public static final int LOSS_WINDOW = 50;

    private ReadingProbe() {}

    /**
     * The probe's outcome.
     *
     * @param samples training pairs
     * @param imageSize generated image side in pixels
     * @param textScale generator's font-size factor
     * @param steps optimizer steps
     * @param batch pairs per step
     * @param chanceLoss the InfoNCE loss of a model that cannot tell the pairs of a batch apart, ln(batch)
     * @param finalLoss mean loss of the last {@value #LOSS_WINDOW} steps
     * @param heldOut retrieval on held-out parrot pairs
     * @param pairs held-out pairs
     * @param model the trained model folder
     */
    public record Result(
            int samples,
            int imageSize,
            double textScale,
            int steps,
            int batch,
            double chanceLoss,
            double finalLoss,
            RetrievalResult heldOut,
            int pairs,
            Path model) {

        /** @return recall at 1 of a model that ranks at random, 1 / pairs */
        public double chanceR1() {
            return 1.0 / pairs;
        }

        /** @return recall at 10 of a model that ranks at random, 10 / pairs */
        public double chanceR10() {
            return Math.min(1.0, 10.0 / pairs);
        }

        /**
         * How much of the way from chance to {@code otherLoss} this model's loss went: 1 when it learnt to tell
         * parrot pairs apart as well as the other model (e.g. the reference CLIP on the ordinary pool) learnt its
         * own pairs, 0 when it learnt nothing.
         *
         * @param otherLoss another run's final loss at the same batch
         * @return (chance - final) / (chance - other)
         */
        public double lossProgressAgainst(double otherLoss) {
            return (chanceLoss - finalLoss) / (chanceLoss - otherLoss);
        }

        /**
         * The probe next to chance and, for the loss, another model.
         *
         * @param otherLoss another run's final loss (e.g. the reference CLIP's), NaN for none
         * @return quantity, probe, chance, reference
         */
        public Table table(double otherLoss) {
            Table t = Table.create(
                    "reading probe: " + samples + " parrot pairs, " + imageSize + " px, " + steps + " steps",
                    StringColumn.create("quantity"),
                    DoubleColumn.create("probe"),
                    DoubleColumn.create("chance"),
                    DoubleColumn.create("reference"));
            row(t, "contrastive loss (last " + LOSS_WINDOW + " steps)", finalLoss, chanceLoss, otherLoss);
            row(t, "held-out image-to-text R@1", heldOut.i2tR1(), chanceR1(), Double.NaN);
            row(t, "held-out image-to-text R@10", heldOut.i2tR10(), chanceR10(), Double.NaN);
            row(t, "held-out text-to-image R@1", heldOut.t2iR1(), chanceR1(), Double.NaN);
            row(t, "held-out text-to-image R@10", heldOut.t2iR10(), chanceR10(), Double.NaN);
            return t;
        }

        private static void row(Table t, String q, double probe, double chance, double reference) {
            t.stringColumn("quantity").append(q);
            t.doubleColumn("probe").append(probe);
            t.doubleColumn("chance").append(chance);
            t.doubleColumn("reference").append(reference);
        }

        /**
         * One sentence on the outcome, from the numbers only.
         *
         * @param otherLoss the reference's final loss, NaN for none
         * @param otherName what the reference is
         * @return the sentence
         */
        public String summary(double otherLoss, String otherName) {
            String loss;
            if (Double.isNaN(otherLoss)) {
                loss = String.format(Locale.ROOT, "its loss ended at %.3f against chance %.3f", finalLoss, chanceLoss);
            } else if (otherLoss < chanceLoss && finalLoss < chanceLoss) {
                loss = String.format(
                        Locale.ROOT,
                        "its loss fell %.0f%% of the way from chance (%.3f) to the loss %s reached on its own pairs"
                                + " in its run (%.3f): %.3f",
                        100 * lossProgressAgainst(otherLoss),
                        chanceLoss,
                        otherName,
                        otherLoss,
                        finalLoss);
            } else {
                loss = String.format(
                        Locale.ROOT,
                        "its loss ended at %.3f against chance %.3f (%s: %.3f on its own pairs)",
                        finalLoss,
                        chanceLoss,
                        otherName,
                        otherLoss);
            }
            return String.format(
                    Locale.ROOT,
                    "Trained on %d pairs whose captions spell the printed words (%d px, %d steps), %s; on %d held-out"
                            + " pairs of that kind it finds the right caption first for %.3f of the images (chance"
                            + " %.3f) and among the first ten for %.3f (chance %.3f).",
                    samples,
                    imageSize,
                    steps,
                    loss,
                    pairs,
                    heldOut.i2tR1(),
                    chanceR1(),
                    heldOut.i2tR10(),
                    chanceR10());
        }
    }

    /**
     * Runs the probe (or reads its finished parts).
     *
     * @param recipe the training recipe (an experiment's {@code train} or {@code reference})
     * @param samples training pairs to generate
     * @param imageSize image side, 0 for the preset's input size
     * @param textScale the generator's font-size factor ({@link SynthConfig.Builder#optTextScale})
     * @param pairs held-out pairs for retrieval
     * @param seed generator and training seed (the held-out pairs use {@code seed + 1})
     * @param dir the probe's folder
     * @param progress progress bar factory (task, total)
     * @return the outcome
     * @throws IOException when generating, training or reading fails
     */
    public static Result run(
            ExperimentConfig.Recipe recipe,
            int samples,
            int imageSize,
            double textScale,
            int pairs,
            long seed,
            Path dir,
            BiFunction<String, Long, Progress> progress)
            throws IOException {
        if (samples < 2 || pairs < 2) {
            throw new IllegalArgumentException("the reading probe needs at least 2 training and 2 held-out pairs, got "
                    + samples + " and " + pairs);
        }
        int side = imageSize > 0
                ? imageSize
                : ClipTraining.preset(recipe.preset()).vision().imageSize();
        Path train = parrotPairs(dir.resolve("pairs"), samples, side, textScale, seed, progress);
        Path held = parrotPairs(dir.resolve("heldout"), pairs, side, textScale, seed + 1, progress);
        Path model;
        try (Progress p = progress.apply("train reading probe", (long) recipe.steps())) {
            model = ModelTraining.trained(
                    recipe, List.of(train.toString()), samples, null, seed, dir.resolve("model"), p);
        }
        int batch = ModelTraining.batch(recipe, samples);
        double loss = meanFinalLoss(dir.resolve("model").resolve(MetricsLog.FILE), LOSS_WINDOW);
        EvalOptions opt = EvalOptions.builder()
                .optSuites(Set.of("retrieval"))
                .optData(List.of(held.toString()))
                .optRetrievalPairs(pairs)
                .build();
        RetrievalResult r;
        try (ClipEmbedder e = ClipEmbedder.open(model, null)) {
            r = EvalSuite.run(e, opt).retrieval();
        }
        return new Result(samples, side, textScale, recipe.steps(), batch, Math.log(batch), loss, r, r.pairs(), model);
    }

    /**
     * The mean loss of a training run's last steps.
     *
     * @param metrics a {@code metrics.jsonl} written by training
     * @param last how many final steps to average
     * @return the mean loss
     * @throws IOException when the file cannot be read or holds no step
     */
    public static double meanFinalLoss(Path metrics, int last) throws IOException {
        List<Double> losses = new ArrayList<>();
        for (JsonObject o : MetricsLog.read(metrics)) {
            if (o.has("loss")) {
                losses.add(o.get("loss").getAsDouble());
            }
        }
        if (losses.isEmpty()) {
            throw new IOException(metrics + ": no training step with a loss");
        }
        return losses.subList(Math.max(0, losses.size() - last), losses.size()).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
    }

    private static Path parrotPairs(
            Path dir, int samples, int side, double textScale, long seed, BiFunction<String, Long, Progress> progress)
            throws IOException {
        Path done = dir.resolve(".complete");
        String record = samples + " parrot pairs, " + side + " px, text scale " + textScale + ", seed " + seed + "\n";
        if (Files.exists(done) && Files.readString(done).equals(record)) {
            return dir;
        }
        if (Files.exists(done)) {
            throw new IOException(dir + " holds other probe pairs ("
                    + Files.readString(done).strip() + "); remove it or use another folder for " + record.strip());
        }
        SynthConfig sc = SynthConfig.builder()
                .setSeed(seed)
                .setSamples(samples)
                .optImageSize(side)
                .optTextRate(1.0)
                .optParrotRate(1.0)
                .optMixedRate(0)
                .optAltTextRate(0)
                .optTextScale(textScale)
                .build();
        Files.createDirectories(dir);
        try (Progress p = progress.apply("generate reading-probe pairs", (long) samples)) {
            MiniLaionWriter.write(new MiniLaion(sc), dir, p, true);
        }
        AtomicFiles.writeString(done, record);
        return dir;
    }
}
