package org.parrotscope.clip;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads a Hugging Face {@code CLIPConfig} ({@code config.json} of {@code CLIPModel} checkpoints such as
 * {@code openai/clip-vit-base-patch32}) as a {@link ClipConfig}. Fields absent from the file take the
 * {@code transformers} defaults of {@code CLIPTextConfig} / {@code CLIPVisionConfig} (the ViT-B/32
 * sizes, QuickGELU); older files keep the towers under {@code text_config_dict} / {@code vision_config_dict}.
 */
final class HfClipConfig {

    private HfClipConfig() {}

    static boolean looksLikeHf(JsonObject root) {
        return root.has("vision_config")
                || root.has("text_config")
                || root.has("vision_config_dict")
                || root.has("text_config_dict");
    }

    static ClipConfig parse(JsonObject root) {
        JsonObject v = tower(root, "vision_config");
        JsonObject t = tower(root, "text_config");
        int vWidth = integer(v, "hidden_size", 768);
        int vHeads = integer(v, "num_attention_heads", 12);
        if (vWidth % vHeads != 0) {
            throw new IllegalArgumentException(
                    "vision_config.hidden_size " + vWidth + " not divisible by its heads " + vHeads);
        }
        int tWidth = integer(t, "hidden_size", 512);
        String vAct = string(v, "hidden_act", "quick_gelu");
        String tAct = string(t, "hidden_act", "quick_gelu");
        if (!vAct.equals(tAct) || !(vAct.equals("quick_gelu") || vAct.equals("gelu"))) {
            throw new IllegalArgumentException(
                    "unsupported hidden_act: vision " + vAct + ", text " + tAct + " (both quick_gelu or both gelu)");
        }
        for (JsonObject o : new JsonObject[] {v, t}) {
            if (o.has("layer_norm_eps") && o.get("layer_norm_eps").getAsDouble() != 1e-5) {
                throw new IllegalArgumentException(
                        "unsupported layer_norm_eps " + o.get("layer_norm_eps") + " (1e-5 only)");
            }
        }
        // OpenCLIP's default head width (64) when it gives the same head count, so equal towers compare equal
        int headWidth = Math.max(1, vWidth / 64) == vHeads ? 64 : vWidth / vHeads;
        var vision = new ClipConfig.VisionConfig(
                integer(v, "image_size", 224),
                integer(v, "patch_size", 32),
                vWidth,
                integer(v, "num_hidden_layers", 12),
                headWidth,
                (double) integer(v, "intermediate_size", 3072) / vWidth);
        var text = new ClipConfig.TextConfig(
                integer(t, "max_position_embeddings", 77),
                integer(t, "vocab_size", 49408),
                tWidth,
                integer(t, "num_attention_heads", 8),
                integer(t, "num_hidden_layers", 12),
                (double) integer(t, "intermediate_size", 2048) / tWidth);
        if (vision.heads() != vHeads) {
            throw new IllegalArgumentException(
                    "vision heads " + vHeads + " cannot be expressed as OpenCLIP's head_width");
        }
        return new ClipConfig(integer(root, "projection_dim", 512), vision, text, vAct.equals("quick_gelu"));
    }

    private static JsonObject tower(JsonObject root, String name) {
        JsonElement e = root.get(name);
        if (e == null || !e.isJsonObject()) {
            e = root.get(name + "_dict");
        }
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static int integer(JsonObject o, String field, int def) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? def : e.getAsInt();
    }

    private static String string(JsonObject o, String field, String def) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? def : e.getAsString();
    }
}
