package org.parrotscope.train;

/**
 * OpenCLIP's rule for which parameters get weight decay ({@code main.py}: {@code exclude = p.ndim < 2 or "bn"
 * in n or "ln" in n or "bias" in n or "embedding" in n or "logit_scale" in n}): gains and biases (1-d),
 * LayerNorm/BatchNorm parameters, token, class and positional embeddings and the logit scale are excluded;
 * matrices, convolution kernels and projections decay.
 */
public final class WeightDecayRule {

    private WeightDecayRule() {}

    /**
     * Whether OpenCLIP decays a parameter.
     *
     * @param openClipName the OpenCLIP parameter name, e.g. {@code visual.transformer.resblocks.0.attn.in_proj_weight}
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
