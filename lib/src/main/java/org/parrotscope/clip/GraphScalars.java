package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A constant scalar for arithmetic inside a differentiable graph, built once per device and data type and reused by
 * every forward pass.
 *
 * <p>Why not {@code x.div(2f)}: DJL 0.36's PyTorch {@code NDArray.div(Number)} and {@code mul(Number)} wrap the
 * number in a tensor whose memory is a Java direct buffer, and close that tensor as soon as the operation returns.
 * Autograd keeps the scalar for the backward pass ({@code d(x / s)/dx = 1 / s}), so once the garbage collector has
 * freed the buffer, backward reads whatever the allocator has put there since. Measured in training: a non-finite
 * gradient with a finite loss in about 0.3% of steps, always starting at such an operation (the attention scale of
 * the first block, the loss's mean), and in 16% of steps with a forced garbage collection between forward and
 * backward ({@code StepRunner.GC_CHECK_PROPERTY}). A scalar made here is owned by a long-lived manager (the model's)
 * and referenced from this cache, so it outlives every backward pass that reads it. Building it once instead of per
 * forward saves one host-to-device copy per use and step (one per layer and scalar on a GPU).
 */
public final class GraphScalars {

    private final float value;
    private final Map<String, NDArray> arrays = new ConcurrentHashMap<>();

    /**
     * @param value the constant
     */
    public GraphScalars(float value) {
        this.value = value;
    }

    /** @return the constant */
    public float value() {
        return value;
    }

    /**
     * The scalar on the device and in the floating-point type of {@code like} (so that an fp16 graph stays fp16:
     * a 0-dimensional scalar of the same kind does not promote the other operand).
     *
     * @param like an array of the graph
     * @param owner the manager that keeps the scalar until it closes (the model's, which outlives every batch)
     * @return the cached scalar
     */
    public NDArray on(NDArray like, NDManager owner) {
        DataType type = like.getDataType().isFloating() ? like.getDataType() : DataType.FLOAT32;
        return arrays.computeIfAbsent(like.getDevice() + "/" + type, k -> {
            // full() fills native memory; create(float) would wrap a Java buffer (the problem above), and toType to
            // the same type returns that very tensor (measured: NaN losses from the second step)
            NDArray here = owner.full(new Shape(), value, type);
            NDArray out = here.toDevice(like.getDevice(), false);
            if (out != here) {
                out.attach(owner);
                here.close();
            }
            return out;
        });
    }

    /** @return how many scalars were built (one per device and type used so far) */
    public int built() {
        return arrays.size();
    }
}
