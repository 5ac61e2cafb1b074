package org.parrotscope.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.TextTokenizer;

/**
 * An evaluation run during training at {@link TrainConfig#evalEvery()} intervals; its result is logged as
 * {@code {"step": s, "eval": {...}}}. Supplied by a later stage (the eval package, through the CLI), since
 * training does not depend on evaluation.
 */
@FunctionalInterface
public interface TrainingEvaluation {

    /**
     * Evaluates the model in its current state (gradients are not recorded).
     *
     * @param model the model being trained
     * @param tokenizer its tokenizer
     * @param step optimizer steps done
     * @return the metrics, e.g. {@code {"zeroshot": {"top1": 0.42}}}
     * @throws IOException when evaluation data cannot be read
     */
    JsonObject evaluate(ClipModel model, TextTokenizer tokenizer, int step) throws IOException;
}
