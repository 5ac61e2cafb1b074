package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * OpenCLIP's pre-LayerNorm {@code ResidualAttentionBlock}: {@code x + attn(ln_1(x))}, then {@code x + mlp(ln_2(x))}.
 */
final class ResidualBlock extends ClipBlock {

    private final LayerNormBlock ln1;
    private final AttentionBlock attn;
    private final LayerNormBlock ln2;
    private final MlpBlock mlp;

    ResidualBlock(int width, int heads, int mlpWidth, boolean quickGelu) {
        ln1 = addChildBlock("ln_1", new LayerNormBlock(width));
        attn = addChildBlock("attn", new AttentionBlock(width, heads));
        ln2 = addChildBlock("ln_2", new LayerNormBlock(width));
        mlp = addChildBlock("mlp", new MlpBlock(width, mlpWidth, quickGelu));
    }

    @Override
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return forward(ps, x, null, training);
    }

    NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        NDArray y = x.add(attn.forward(ps, ln1.forward(ps, x, training), mask, training));
        return y.add(mlp.forward(ps, ln2.forward(ps, y, training), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
