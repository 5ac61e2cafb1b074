package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;

/**
 * Scalars for arithmetic inside a differentiable graph.
 *
 * <p>DJL 0.36's PyTorch {@code NDArray.div(Number)} and {@code mul(Number)} wrap the number in a tensor whose
 * memory is a Java direct buffer, and close that tensor as soon as the operation returns. Autograd keeps the
 * scalar for the backward pass ({@code d(x / s)/dx = 1 / s}), so once the garbage collector has freed the buffer,
 * backward reads whatever the allocator has put there since. Measured in training: a non-finite gradient with a
 * finite loss in about 0.3% of steps, always starting at such an operation (the attention scale of the first
 * block, the loss's mean), and in 16% of steps with a forced garbage collection between forward and backward.
 * A scalar made here belongs to the manager of the array it is used with (the batch's), and lives until that
 * manager is closed, after backward.
 */
public final class GraphScalars {

    private GraphScalars() {}

    /**
     * @param like an array of the graph; the scalar joins its manager
     * @param value the value
     * @return a float32 scalar that stays open until {@code like}'s manager closes
     */
    public static NDArray of(NDArray like, float value) {
        return like.getManager().create(value);
    }
}
