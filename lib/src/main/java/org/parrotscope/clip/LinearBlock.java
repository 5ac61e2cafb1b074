package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** {@code y = x W^T + b} with PyTorch's layout: {@code weight} [out, in], {@code bias} [out]. */
final class LinearBlock extends ClipBlock {

    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    LinearBlock(int in, int out) {
        this.out = out;
        weight = param("weight", out, in);
        bias = param("bias", out);
    }

    /** @return the manager of the weight (the model's), which owns constants the block's users cache */
    NDManager weightManager() {
        return weight.getArray().getManager();
    }

    @Override
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return x.getNDArrayInternal()
                .linear(x, value(ps, weight, x, training), value(ps, bias, x, training))
                .singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
    }
}
