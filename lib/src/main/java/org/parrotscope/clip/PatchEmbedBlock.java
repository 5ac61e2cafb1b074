package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** OpenCLIP's {@code conv1}: a patch-size convolution with stride = patch size and no bias, [N,3,S,S] -> [N,W,g,g]. */
final class PatchEmbedBlock extends ClipBlock {

    private final int width;
    private final int patch;
    private final Parameter weight;

    PatchEmbedBlock(int width, int patch) {
        this.width = width;
        this.patch = patch;
        weight = param("weight", width, 3, patch, patch);
    }

    @Override
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return x.getNDArrayInternal()
                .convolution(
                        x,
                        value(ps, weight, x, training),
                        null,
                        new Shape(patch, patch),
                        new Shape(0, 0),
                        new Shape(1, 1),
                        1)
                .singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), width, s.get(2) / patch, s.get(3) / patch)};
    }
}
