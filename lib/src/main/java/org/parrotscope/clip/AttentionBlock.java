package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * Multi-head self-attention with PyTorch {@code nn.MultiheadAttention}'s parameters, as OpenCLIP's
 * residual blocks use it: one fused {@code in_proj_weight} [3D, D] and {@code in_proj_bias} [3D]
 * producing q, k and v (in that order), then {@code out_proj}. Batch-first: x is [N, L, D].
 */
final class AttentionBlock extends ClipBlock {

    private final int width;
    private final int heads;
    private final Parameter inWeight;
    private final Parameter inBias;
    private final LinearBlock outProj;
    private final GraphScalars scale;

    AttentionBlock(int width, int heads) {
        this.width = width;
        this.heads = heads;
        inWeight = param("in_proj_weight", 3L * width, width);
        inBias = param("in_proj_bias", 3L * width);
        outProj = addChildBlock("out_proj", new LinearBlock(width, width));
        scale = new GraphScalars((float) Math.sqrt(width / heads));
    }

    @Override
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return forward(ps, x, null, training);
    }

    /**
     * @param x tokens [N, L, D]
     * @param mask additive mask [L, L] (0 or -inf), or null
     */
    NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        long n = x.getShape().get(0);
        long len = x.getShape().get(1);
        long hd = width / heads;
        NDArray qkv = x.getNDArrayInternal()
                .linear(x, value(ps, inWeight, x, training), value(ps, inBias, x, training))
                .singletonOrThrow();
        NDList parts = qkv.split(3, 2);
        // [N, L, D] -> [N, H, L, hd]; q is scaled before the product, as PyTorch's attention does
        NDArray q = parts.get(0)
                .reshape(n, len, heads, hd)
                .transpose(0, 2, 1, 3)
                .div(scale.on(x, inWeight.getArray().getManager()));
        NDArray k = parts.get(1).reshape(n, len, heads, hd).transpose(0, 2, 3, 1);
        NDArray v = parts.get(2).reshape(n, len, heads, hd).transpose(0, 2, 1, 3);
        NDArray scores = q.matMul(k);
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray attended = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(n, len, width);
        return outProj.forward(ps, attended, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
