package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * LayerNorm over the last axis with {@code weight} and {@code bias}, eps 1e-5 (PyTorch's default, used by OpenCLIP).
 */
final class LayerNormBlock extends ClipBlock {

    static final float EPS = 1e-5f;

    private final int width;
    private final Parameter weight;
    private final Parameter bias;

    LayerNormBlock(int width) {
        this.width = width;
        weight = param("weight", width);
        bias = param("bias", width);
    }

    @Override
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return x.getNDArrayInternal()
                .layerNorm(x, new Shape(width), value(ps, weight, x, training), value(ps, bias, x, training), EPS)
                .singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
