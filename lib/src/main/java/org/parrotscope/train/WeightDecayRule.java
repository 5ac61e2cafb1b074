package org.parrotscope.train;

/**
 * Which parameters get weight decay: OpenCLIP's rule plus one exclusion of ours.
 *
 * <p>OpenCLIP ({@code src/training/main.py}) decays every parameter except those matching {@code exclude = lambda
 * n, p: p.ndim < 2 or "bn" in n or "ln" in n or "bias" in n or 'logit_scale' in n}: 1-d gains and biases,
 * BatchNorm/LayerNorm parameters, biases and the logit scale. It has no rule for embeddings, so OpenCLIP decays the
 * token embedding and both positional embeddings (2-d; the 1-d class embedding escapes by its shape).
 *
 * <p>Ours: names containing {@code embedding} are excluded as well (token, positional and class embeddings), the
 * convention of ViT code such as timm's {@code no_weight_decay} lists ({@code pos_embed}, {@code cls_token}). The
 * reason for adding it was not recorded, and its effect on our recipes has not been measured; with it removed the
 * rule is exactly OpenCLIP's. Everything else here is OpenCLIP's.
 */
public final class WeightDecayRule {

    private WeightDecayRule() {}

    /**
     * Whether a parameter decays (OpenCLIP's rule plus our embedding exclusion, see above).
     *
     * @param openClipName the parameter's OpenCLIP name, e.g. {@code
     *     visual.transformer.resblocks.0.attn.in_proj_weight}
     * @param ndim the number of dimensions of the parameter
     * @return true when weight decay applies
     */
    public static boolean decays(String openClipName, int ndim) {
        return !(ndim < 2
                || openClipName.contains("bn")
                || openClipName.contains("ln")
                || openClipName.contains("bias")
                || openClipName.contains("embedding")
                || openClipName.contains("logit_scale"));
    }
}
