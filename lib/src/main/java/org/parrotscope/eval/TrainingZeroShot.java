package org.parrotscope.eval;

import com.google.gson.JsonObject;
import java.util.List;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.train.TrainingEvaluation;

/**
 * The zero-shot check run during training ({@code parrotscope train --eval-every}, notebook 05): top-1 and top-5
 * on fresh text-free mini-LAION concept images, with {@link ZeroShot#miniLaionTemplates()}, logged as
 * {@code {"zeroshot": {"top1", "top5"}}}.
 */
public final class TrainingZeroShot {

    /** Offset of the evaluation images' seed from the training seed, so they are never training images. */
    public static final long SEED_OFFSET = 1_000_003L;

    private TrainingZeroShot() {}

    /**
     * @param seed the training seed
     * @param images concept images, generated once at the model's input size on first use
     * @return the evaluation
     */
    public static TrainingEvaluation of(long seed, int images) {
        ZeroShot zs = new ZeroShot(MiniLaion.classes(), ZeroShot.miniLaionTemplates());
        List<List<LabelledImage>> cache = new java.util.ArrayList<>(1);
        return (model, tokenizer, step) -> {
            if (cache.isEmpty()) {
                cache.add(EvalData.labelled(EvalData.miniLaion(
                        seed + SEED_OFFSET, images, model.config().vision().imageSize(), 0)));
            }
            ZeroShotResult r = zs.evaluate(new ClipEmbedder(model, tokenizer), cache.get(0), 64);
            JsonObject z = new JsonObject();
            z.addProperty("top1", r.top1());
            z.addProperty("top5", r.top5());
            JsonObject o = new JsonObject();
            o.add("zeroshot", z);
            return o;
        };
    }
}
