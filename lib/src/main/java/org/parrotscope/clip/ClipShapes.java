package org.parrotscope.clip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of a CLIP {@code state_dict} in OpenCLIP's names and shapes, computed from a
 * {@link ClipConfig} alone. It is the contract between the DJL blocks, the weight loader and the
 * writer: the blocks declare exactly these parameters, loading checks files against them.
 */
public final class ClipShapes {

    private ClipShapes() {}

    /**
     * Lists the tensors of a configuration.
     *
     * @param c the configuration
     * @return OpenCLIP name to shape, in a stable order (image tower, text tower, logit scale)
     */
    public static Map<String, long[]> of(ClipConfig c) {
        Map<String, long[]> m = new LinkedHashMap<>();
        var v = c.vision();
        long w = v.width();
        m.put("visual.conv1.weight", new long[] {w, 3, v.patchSize(), v.patchSize()});
        m.put("visual.class_embedding", new long[] {w});
        m.put("visual.positional_embedding", new long[] {v.tokens(), w});
        layerNorm(m, "visual.ln_pre", w);
        for (int i = 0; i < v.layers(); i++) {
            block(m, "visual.transformer.resblocks." + i, w, v.mlpWidth());
        }
        layerNorm(m, "visual.ln_post", w);
        m.put("visual.proj", new long[] {w, c.embedDim()});
        var t = c.text();
        long tw = t.width();
        m.put("token_embedding.weight", new long[] {t.vocabSize(), tw});
        m.put("positional_embedding", new long[] {t.contextLength(), tw});
        for (int i = 0; i < t.layers(); i++) {
            block(m, "transformer.resblocks." + i, tw, t.mlpWidth());
        }
        layerNorm(m, "ln_final", tw);
        m.put("text_projection", new long[] {tw, c.embedDim()});
        m.put("logit_scale", new long[] {});
        return Collections.unmodifiableMap(m);
    }

    /**
     * @param shape a shape
     * @return the product of its sizes (1 for a scalar)
     */
    public static long numel(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    private static void layerNorm(Map<String, long[]> m, String prefix, long width) {
        m.put(prefix + ".weight", new long[] {width});
        m.put(prefix + ".bias", new long[] {width});
    }

    private static void block(Map<String, long[]> m, String prefix, long width, long mlp) {
        layerNorm(m, prefix + ".ln_1", width);
        m.put(prefix + ".attn.in_proj_weight", new long[] {3 * width, width});
        m.put(prefix + ".attn.in_proj_bias", new long[] {3 * width});
        m.put(prefix + ".attn.out_proj.weight", new long[] {width, width});
        m.put(prefix + ".attn.out_proj.bias", new long[] {width});
        layerNorm(m, prefix + ".ln_2", width);
        m.put(prefix + ".mlp.c_fc.weight", new long[] {mlp, width});
        m.put(prefix + ".mlp.c_fc.bias", new long[] {mlp});
        m.put(prefix + ".mlp.c_proj.weight", new long[] {width, mlp});
        m.put(prefix + ".mlp.c_proj.bias", new long[] {width});
    }
}
