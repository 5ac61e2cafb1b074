package org.parrotscope.clip;

import java.util.List;
import java.util.Map;

/**
 * Renames OpenCLIP tensors to Hugging Face {@code CLIPModel} names (the table in {@link ClipWeights}).
 * Fused attention and transposed projections are handled by {@link ClipWeights}; here
 * {@code attn.in_proj_*} only becomes {@code self_attn.in_proj_*}.
 */
final class HfNames {

    /** Prefix renames, first match wins. */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("visual.conv1.", "vision_model.embeddings.patch_embedding."),
            Map.entry("visual.class_embedding", "vision_model.embeddings.class_embedding"),
            Map.entry("visual.positional_embedding", "vision_model.embeddings.position_embedding.weight"),
            Map.entry("visual.ln_pre.", "vision_model.pre_layrnorm."),
            Map.entry("visual.ln_post.", "vision_model.post_layernorm."),
            Map.entry("visual.transformer.resblocks.", "vision_model.encoder.layers."),
            Map.entry("token_embedding.", "text_model.embeddings.token_embedding."),
            Map.entry("positional_embedding", "text_model.embeddings.position_embedding.weight"),
            Map.entry("transformer.resblocks.", "text_model.encoder.layers."),
            Map.entry("ln_final.", "text_model.final_layer_norm."));

    /** Renames inside one layer. */
    private static final List<Map.Entry<String, String>> LAYER = List.of(
            Map.entry("ln_1.", "layer_norm1."),
            Map.entry("ln_2.", "layer_norm2."),
            Map.entry("attn.", "self_attn."),
            Map.entry("mlp.c_fc.", "mlp.fc1."),
            Map.entry("mlp.c_proj.", "mlp.fc2."));

    private HfNames() {}

    static String toHf(String openClip) {
        for (var p : PREFIXES) {
            if (openClip.startsWith(p.getKey())) {
                String rest = openClip.substring(p.getKey().length());
                if (p.getKey().endsWith("resblocks.")) {
                    int dot = rest.indexOf('.');
                    String layer = rest.substring(0, dot + 1);
                    String inner = rest.substring(dot + 1);
                    for (var l : LAYER) {
                        if (inner.startsWith(l.getKey())) {
                            return p.getValue()
                                    + layer
                                    + l.getValue()
                                    + inner.substring(l.getKey().length());
                        }
                    }
                    throw new IllegalArgumentException("no Hugging Face name for " + openClip);
                }
                return p.getValue() + rest;
            }
        }
        throw new IllegalArgumentException("no Hugging Face name for " + openClip);
    }
}
