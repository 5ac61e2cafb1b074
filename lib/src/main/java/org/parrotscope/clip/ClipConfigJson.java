package org.parrotscope.clip;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@link ClipConfig} in OpenCLIP's {@code model_cfg} JSON. Fields that change the
 * architecture away from the standard CLIP ViT are rejected by name rather than silently ignored,
 * so a checkpoint never runs on the wrong network.
 */
final class ClipConfigJson {

    /** Fields accepted when they hold OpenCLIP's default (the value given), rejected otherwise. */
    private static final Map<String, String> VISION_DEFAULTS = Map.of(
            "ls_init_value",
            "null",
            "patch_dropout",
            "0",
            "attentional_pool",
            "false",
            "global_average_pool",
            "false",
            "no_ln_pre",
            "false",
            "pos_embed_type",
            "\"learnable\"",
            "pool_type",
            "\"tok\"",
            "final_ln_after_pool",
            "false",
            "timm_model_name",
            "null",
            "output_tokens",
            "false");

    private static final Map<String, String> TEXT_DEFAULTS = Map.of(
            "ls_init_value",
            "null",
            "embed_cls",
            "false",
            "no_causal_mask",
            "false",
            "pool_type",
            "\"argmax\"",
            "proj_bias",
            "false",
            "hf_model_name",
            "null",
            "hf_tokenizer_name",
            "null",
            "output_tokens",
            "false",
            "pad_id",
            "0");
    private static final Map<String, String> TOP_DEFAULTS = Map.of("custom_text", "false", "init_logit_bias", "null");
    /** Fields with no effect on the network at float32 inference, accepted with any value. */
    private static final Set<String> TOP_IGNORED = Set.of("cast_dtype", "init_logit_scale");

    private static final Set<String> TEXT_IGNORED = Set.of("tokenizer_kwargs");

    private ClipConfigJson() {}

    static ClipConfig parse(JsonObject root) {
        if (!root.has("model_cfg") && HfClipConfig.looksLikeHf(root)) {
            return HfClipConfig.parse(root);
        }
        JsonObject cfg = root.has("model_cfg") ? root.getAsJsonObject("model_cfg") : root;
        JsonObject v = object(cfg, "vision_cfg");
        JsonObject t = object(cfg, "text_cfg");
        JsonElement layers = v.get("layers");
        if (layers != null && !layers.isJsonPrimitive()) {
            throw new IllegalArgumentException(
                    "vision_cfg.layers is a list: ModifiedResNet (RN50-style) image towers are not supported, only ViT");
        }
        checkFields("", cfg, Set.of("embed_dim", "vision_cfg", "text_cfg", "quick_gelu"), TOP_DEFAULTS, TOP_IGNORED);
        checkFields(
                "vision_cfg.",
                v,
                Set.of("image_size", "patch_size", "width", "layers", "head_width", "mlp_ratio"),
                VISION_DEFAULTS,
                Set.of());
        checkFields(
                "text_cfg.",
                t,
                Set.of("context_length", "vocab_size", "width", "heads", "layers", "mlp_ratio"),
                TEXT_DEFAULTS,
                TEXT_IGNORED);
        var vision = new ClipConfig.VisionConfig(
                side(v, "image_size"),
                side(v, "patch_size"),
                integer(v, "vision_cfg.", "width", null),
                integer(v, "vision_cfg.", "layers", null),
                integer(v, "vision_cfg.", "head_width", 64),
                number(v, "mlp_ratio", 4.0));
        var text = new ClipConfig.TextConfig(
                integer(t, "text_cfg.", "context_length", 77), integer(t, "text_cfg.", "vocab_size", 49408),
                integer(t, "text_cfg.", "width", 512), integer(t, "text_cfg.", "heads", 8),
                integer(t, "text_cfg.", "layers", 12), number(t, "mlp_ratio", 4.0));
        boolean quick = cfg.has("quick_gelu") && cfg.get("quick_gelu").getAsBoolean();
        return new ClipConfig(integer(cfg, "", "embed_dim", null), vision, text, quick);
    }

    static JsonObject write(ClipConfig c) {
        JsonObject v = new JsonObject();
        v.addProperty("image_size", c.vision().imageSize());
        v.addProperty("layers", c.vision().layers());
        v.addProperty("width", c.vision().width());
        v.addProperty("patch_size", c.vision().patchSize());
        if (c.vision().headWidth() != 64) {
            v.addProperty("head_width", c.vision().headWidth());
        }
        if (c.vision().mlpRatio() != 4.0) {
            v.addProperty("mlp_ratio", c.vision().mlpRatio());
        }
        JsonObject t = new JsonObject();
        t.addProperty("context_length", c.text().contextLength());
        t.addProperty("vocab_size", c.text().vocabSize());
        t.addProperty("width", c.text().width());
        t.addProperty("heads", c.text().heads());
        t.addProperty("layers", c.text().layers());
        if (c.text().mlpRatio() != 4.0) {
            t.addProperty("mlp_ratio", c.text().mlpRatio());
        }
        JsonObject root = new JsonObject();
        root.addProperty("embed_dim", c.embedDim());
        if (c.quickGelu()) {
            root.addProperty("quick_gelu", true);
        }
        root.add("vision_cfg", v);
        root.add("text_cfg", t);
        return root;
    }

    private static void checkFields(
            String prefix, JsonObject o, Set<String> known, Map<String, String> defaults, Set<String> ignored) {
        List<String> problems = new ArrayList<>();
        for (var e : o.entrySet()) {
            String key = e.getKey();
            if (known.contains(key) || ignored.contains(key)) {
                continue;
            }
            String def = defaults.get(key);
            if (def == null) {
                problems.add(prefix + key + " (unknown field)");
            } else if (!sameValue(e.getValue(), def)) {
                problems.add(prefix + key + " = " + e.getValue() + " (only " + def + " is supported)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("unsupported CLIP configuration: " + String.join(", ", problems));
        }
    }

    private static boolean sameValue(JsonElement value, String def) {
        if (value.isJsonNull()) {
            return def.equals("null");
        }
        if (value.isJsonPrimitive()
                && value.getAsJsonPrimitive().isNumber()
                && !def.startsWith("\"")
                && !def.equals("null")
                && !def.equals("false")) {
            return value.getAsDouble() == Double.parseDouble(def);
        }
        return value.toString().equals(def);
    }

    private static JsonObject object(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("missing object field " + field);
        }
        return e.getAsJsonObject();
    }

    private static int side(JsonObject v, String field) {
        JsonElement e = v.get(field);
        if (e != null && e.isJsonArray()) {
            var a = e.getAsJsonArray();
            if (a.size() != 2 || a.get(0).getAsInt() != a.get(1).getAsInt()) {
                throw new IllegalArgumentException(
                        "vision_cfg." + field + " " + e + ": only square sizes are supported");
            }
            return a.get(0).getAsInt();
        }
        return integer(v, "vision_cfg.", field, null);
    }

    private static int integer(JsonObject o, String prefix, String field, Integer def) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            if (def == null) {
                throw new IllegalArgumentException("missing field " + prefix + field);
            }
            return def;
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException(prefix + field + " must be an integer, got " + e);
        }
        return (int) d;
    }

    private static double number(JsonObject o, String field, double def) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? def : e.getAsDouble();
    }
}
