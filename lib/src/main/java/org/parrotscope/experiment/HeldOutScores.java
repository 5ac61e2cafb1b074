package org.parrotscope.experiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.data.Shard;
import org.parrotscope.edit.AblationConfig;
import org.parrotscope.edit.AblationCsv;
import org.parrotscope.edit.AblationRow;
import org.parrotscope.edit.AblationRun;
import org.parrotscope.util.Progress;

/**
 * One model's Fig. 9 point: its mean CLIP score on held-out pairs without text, on held-out pairs whose spotted text
 * co-emerges in the caption ("with text"), and on those after All-Emb. and Co-Emb. removal and their random-area
 * baselines ({@link AblationRun}, resumable per shard).
 *
 * <p>The paper's "with text" half is LAION pairs with RSC above 0.2 under OpenAI's CLIP; here it is every held-out
 * pair with Co-Emb. text (ours: selecting by one model's score would favour that model).
 */
final class HeldOutScores {

    /** The keys of the Fig. 9 object in {@code results.json}. */
    static final List<String> KEYS = List.of(
            "without_text", "with_text", "all_removed", "co_removed", "random_all_removed", "random_co_removed");

    private HeldOutScores() {}

    /**
     * Ablates the held-out shards with a model (skipping finished shards) and summarises.
     *
     * @param model the model folder
     * @param shards held-out shards
     * @param ocrDir their OCR outputs
     * @param out the ablation folder of this model
     * @param seed donor seed of the random baselines
     * @param progress advanced per sample
     * @return {@link #KEYS} and the counts {@code pairs_without_text}, {@code pairs_with_text}
     * @throws IOException when reading or writing fails
     */
    static JsonObject of(Path model, List<Shard> shards, Path ocrDir, Path out, long seed, Progress progress)
            throws IOException {
        AblationConfig cfg = AblationConfig.builder()
                .setOut(out)
                .setOcrDir(ocrDir)
                .optSeed(seed)
                .build();
        try (ClipModel m = ClipModel.load(model);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(m)
                        .setTokenizer(Tokenizers.forModel(model))
                        .build()) {
            new AblationRun(cfg, scorer).run(shards, progress);
        }
        return summarise(AblationCsv.readDir(out));
    }

    /**
     * The Fig. 9 means of ablation rows.
     *
     * @param rows the rows
     * @return {@link #KEYS} and the two pair counts
     */
    static JsonObject summarise(List<AblationRow> rows) {
        Predicate<AblationRow> noText = r -> !r.hasText();
        Predicate<AblationRow> parrot = r -> r.hasText() && !Double.isNaN(r.sCo());
        JsonObject o = new JsonObject();
        o.addProperty("without_text", mean(rows, noText, AblationRow::sRaw));
        o.addProperty("with_text", mean(rows, parrot, AblationRow::sRaw));
        o.addProperty("all_removed", mean(rows, parrot, AblationRow::sAll));
        o.addProperty("co_removed", mean(rows, parrot, AblationRow::sCo));
        o.addProperty("random_all_removed", mean(rows, parrot, AblationRow::sRandAll));
        o.addProperty("random_co_removed", mean(rows, parrot, AblationRow::sRandCo));
        o.addProperty("pairs_without_text", rows.stream().filter(noText).count());
        o.addProperty("pairs_with_text", rows.stream().filter(parrot).count());
        return o;
    }

    private static double mean(List<AblationRow> rows, Predicate<AblationRow> which, ToDoubleFunction<AblationRow> v) {
        double s = 0;
        long n = 0;
        for (AblationRow r : rows) {
            double x = which.test(r) ? v.applyAsDouble(r) : Double.NaN;
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
