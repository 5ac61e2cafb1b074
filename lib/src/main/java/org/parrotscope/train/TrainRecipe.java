package org.parrotscope.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The optimisation settings a preset is trained with unless a value is given explicitly: length (steps or
 * epochs), batch, peak learning rate, warm-up, weight decay and gradient clipping. A preset's recipe is a JSON
 * resource {@code org/parrotscope/train/recipes/NAME.json} next to its architecture ({@code
 * clip/presets/NAME.json}); presets without one (and architecture files) train with {@link #DEFAULT}. The recipes
 * are ours, measured on mini-LAION, not the paper's: the paper trains on millions of LAION pairs on GPUs (Sec. 5).
 *
 * @param source where the values come from, e.g. {@code "preset mini"}
 * @param steps total optimizer steps, or 0 when {@code epochs} gives the length
 * @param epochs epochs over the data (full batches), or 0 when {@code steps} gives the length
 * @param batch pairs per step
 * @param learningRate peak learning rate
 * @param warmup linear warm-up steps, or -1 for 5 % of the steps (at least 1)
 * @param weightDecay decoupled weight decay on matrices
 * @param gradClip maximum global gradient norm, 0 for none
 */
public record TrainRecipe(
        String source,
        int steps,
        int epochs,
        int batch,
        float learningRate,
        int warmup,
        float weightDecay,
        float gradClip) {

    /**
     * The recipe of presets that have none: one epoch, batch 64 and OpenCLIP's default learning rate 5e-4 and weight
     * decay 0.2, warm-up over 5 % of the steps, no clipping.
     */
    public static final TrainRecipe DEFAULT = new TrainRecipe("default", 0, 1, 64, 5e-4f, -1, 0.2f, 0f);

    private static final String ROOT = "recipes/";

    /** Validates the values. */
    public TrainRecipe {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a recipe needs a source");
        }
        if ((steps < 1) == (epochs < 1) || steps < 0 || epochs < 0) {
            throw new IllegalArgumentException(source + ": give exactly one of steps or epochs (positive)");
        }
        if (batch < 2 || !(learningRate > 0) || warmup < -1 || !(weightDecay >= 0) || !(gradClip >= 0)) {
            throw new IllegalArgumentException(source + ": need batch >= 2, lr > 0, warm-up >= -1 (-1: 5 %),"
                    + " weight decay >= 0 and grad clip >= 0");
        }
    }

    /**
     * The recipe a preset carries.
     *
     * @param preset a preset name, or an architecture file ({@code .json}), which has no recipe
     * @return the preset's recipe, or {@link #DEFAULT} when it has none
     * @throws IllegalStateException naming the resource when the preset's recipe is malformed
     */
    public static TrainRecipe forPreset(String preset) {
        if (preset.endsWith(".json") || preset.contains("/")) {
            return DEFAULT;
        }
        String resource = "org/parrotscope/train/" + ROOT + preset + ".json";
        try (InputStream in = TrainRecipe.class.getResourceAsStream(ROOT + preset + ".json")) {
            if (in == null) {
                return DEFAULT;
            }
            return parse("preset " + preset, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Reads a recipe's JSON: {@code steps} or {@code epochs}, {@code batch}, {@code lr}, {@code weight_decay}, and
     * optionally {@code warmup} (default -1: 5 %) and {@code grad_clip} (default 0: none).
     *
     * @param source the recipe's source for {@link #source()}
     * @param file the file or resource the text came from, named in errors
     * @param json the text
     * @return the recipe
     * @throws IllegalArgumentException naming the file when the JSON is malformed, a value missing or out of range
     */
    static TrainRecipe parse(String source, String file, String json) {
        try {
            JsonObject o = org.parrotscope.util.Json.parse(json).getAsJsonObject();
            for (String key : new String[] {"batch", "lr", "weight_decay"}) {
                if (!o.has(key)) {
                    throw new IllegalArgumentException("missing \"" + key + "\"");
                }
            }
            return new TrainRecipe(
                    source,
                    o.has("steps") ? o.get("steps").getAsInt() : 0,
                    o.has("epochs") ? o.get("epochs").getAsInt() : 0,
                    o.get("batch").getAsInt(),
                    o.get("lr").getAsFloat(),
                    o.has("warmup") ? o.get("warmup").getAsInt() : -1,
                    o.get("weight_decay").getAsFloat(),
                    o.has("grad_clip") ? o.get("grad_clip").getAsFloat() : 0f);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": malformed training recipe: " + e.getMessage(), e);
        }
    }

    /**
     * Every value on one line, as {@code parrotscope train} prints it at start.
     *
     * @return e.g. {@code "steps 2800, batch 128, lr 0.002, warm-up 100, weight decay 0.1, grad clip 1"}
     */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s, batch %d, lr %s, warm-up %s, weight decay %s, grad clip %s",
                steps > 0 ? "steps " + steps : "epochs " + epochs,
                batch,
                number(learningRate),
                warmup >= 0 ? Integer.toString(warmup) : "5% of steps",
                number(weightDecay),
                gradClip > 0 ? number(gradClip) : "none");
    }

    private static String number(float x) {
        return new java.math.BigDecimal(Float.toString(x)).stripTrailingZeros().toPlainString();
    }
}
