package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recipe a preset carries, its overrides, and malformed recipe files. */
class TrainRecipeTest {

    private static TrainConfig.Builder mini() {
        return TrainConfig.builder()
                .setData(List.of("shards"))
                .setPreset("mini")
                .setOutDir(Path.of("out"));
    }

    @Test
    void miniPreset_carriesTheValuesOfItsRecipeFile() throws Exception {
        JsonObject file;
        try (InputStream in = TrainRecipe.class.getResourceAsStream("recipes/mini.json")) {
            file = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
        TrainRecipe r = TrainRecipe.forPreset("mini");
        assertEquals("preset mini", r.source());
        assertEquals(file.get("steps").getAsInt(), r.steps());
        assertEquals(0, r.epochs());
        assertEquals(file.get("batch").getAsInt(), r.batch());
        assertEquals(file.get("lr").getAsFloat(), r.learningRate());
        assertEquals(file.get("warmup").getAsInt(), r.warmup());
        assertEquals(file.get("weight_decay").getAsFloat(), r.weightDecay());
        assertEquals(file.get("grad_clip").getAsFloat(), r.gradClip());
        // the preset alone trains its recipe
        assertEquals(r, mini().build().recipe());
    }

    @Test
    void describe_printsEveryValue() {
        assertEquals(
                "steps 2800, batch 128, lr 0.002, warm-up 100, weight decay 0.1, grad clip 1",
                new TrainRecipe("x", 2800, 0, 128, 2e-3f, 100, 0.1f, 1f).describe());
        assertEquals(
                "epochs 1, batch 64, lr 0.0005, warm-up 5% of steps, weight decay 0.2, grad clip none",
                TrainRecipe.DEFAULT.describe());
    }

    @Test
    void everyValue_isOverriddenByTheBuilder() {
        TrainConfig cfg = mini().optSteps(50)
                .optBatch(16)
                .optLearningRate(1e-3f)
                .optWarmup(5)
                .optWeightDecay(0.05f)
                .optGradClip(0.5f)
                .build();
        assertEquals(new TrainRecipe("preset mini", 50, 0, 16, 1e-3f, 5, 0.05f, 0.5f), cfg.recipe());
        // epochs replace the recipe's steps; the other values stay the recipe's
        TrainConfig byEpochs = mini().optEpochs(3).build();
        assertEquals(0, byEpochs.steps());
        assertEquals(3, byEpochs.epochs());
        assertEquals(TrainRecipe.forPreset("mini").batch(), byEpochs.batch());
        assertThrows(
                IllegalArgumentException.class,
                () -> mini().optSteps(5).optEpochs(1).build());
    }

    @Test
    void presetsWithoutRecipe_trainTheDefault() {
        assertEquals(TrainRecipe.DEFAULT, TrainRecipe.forPreset("ViT-B-32"));
        assertEquals(TrainRecipe.DEFAULT, TrainRecipe.forPreset("my/arch.json"));
    }

    @Test
    void malformedRecipe_isRejectedNamingTheFile() {
        String file = "recipes/bad.json";
        for (String json : List.of(
                "{\"steps\": 10, \"batch\": ", // not JSON
                "{\"steps\": 10, \"lr\": 1e-3, \"weight_decay\": 0.1}", // no batch
                "{\"steps\": 10, \"epochs\": 1, \"batch\": 8, \"lr\": 1e-3, \"weight_decay\": 0.1}", // both lengths
                "{\"steps\": 10, \"batch\": 8, \"lr\": \"fast\", \"weight_decay\": 0.1}", // not a number
                "[1, 2]")) {
            var e = assertThrows(IllegalArgumentException.class, () -> TrainRecipe.parse("preset bad", file, json));
            assertTrue(e.getMessage().startsWith(file + ": malformed training recipe"), e.getMessage());
        }
        TrainRecipe ok = TrainRecipe.parse(
                "preset ok", file, "{\"epochs\": 2, \"batch\": 8, \"lr\": 1e-3, \"weight_decay\": 0.1}");
        assertEquals(new TrainRecipe("preset ok", 0, 2, 8, 1e-3f, -1, 0.1f, 0f), ok);
    }
}
