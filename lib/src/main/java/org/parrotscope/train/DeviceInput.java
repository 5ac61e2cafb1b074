package org.parrotscope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Moves a prepared batch ({@link TrainBatch}) to the training device: the uint8 pixels and the token ids are copied
 * into direct buffers reused from step to step (no fresh buffer per batch on the training thread), handed to the
 * engine, and the pixels are normalised there, {@code (x / 255 - mean) / std} per channel in float32 with the
 * constants kept on the device. The arithmetic is the float path's ({@link TrainTransform#normalise}), operation for
 * operation, so the model sees the same values (tested bit for bit on the CPU); the divisors are device tensors, not
 * host scalars, because CUDA turns division by a host scalar into multiplication by its reciprocal.
 */
public final class DeviceInput implements AutoCloseable {

    private final NDManager constants;
    private final NDArray c255;
    private final NDArray mean;
    private final NDArray std;
    private ByteBuffer pixels = ByteBuffer.allocateDirect(0);
    private ByteBuffer tokens = ByteBuffer.allocateDirect(0);

    /**
     * @param owner a long-lived manager on the training device (the constants live in a sub-manager of it)
     * @param mean per-channel mean (R, G, B)
     * @param std per-channel standard deviation
     */
    public DeviceInput(NDManager owner, float[] mean, float[] std) {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 channels");
        }
        this.constants = owner.newSubManager();
        Shape perChannel = new Shape(1, 3, 1, 1);
        this.c255 = constants.full(new Shape(1, 1, 1, 1), 255f, DataType.FLOAT32);
        this.mean = constants.create(mean, perChannel);
        this.std = constants.create(std, perChannel);
    }

    /**
     * The normalised pixels of a batch on the device.
     *
     * @param b the batch
     * @param side image side
     * @param manager the batch's manager (its device is the target)
     * @return float32 [B, 3, side, side]
     */
    public NDArray pixels(TrainBatch b, int side, NDManager manager) {
        return pixels(b.pixels(), b.size(), side, manager);
    }

    /**
     * Normalised pixels on the device.
     *
     * @param values {@code n * 3 * side * side} uint8 values, CHW per image
     * @param n images
     * @param side image side
     * @param manager the batch's manager
     * @return float32 [n, 3, side, side]
     */
    public NDArray pixels(byte[] values, int n, int side, NDManager manager) {
        int size = Math.multiplyExact(n, 3 * side * side);
        if (values.length != size) {
            throw new IllegalArgumentException(values.length + " pixel values for " + n + " images of side " + side);
        }
        pixels = fill(pixels, size);
        pixels.put(values).flip();
        // on the CPU the uint8 array is a view of the reused buffer: it is closed before the buffer is written again
        try (NDArray raw = manager.create(pixels, new Shape(n, 3, side, side), DataType.UINT8);
                NDArray asFloat = raw.toType(DataType.FLOAT32, false);
                NDArray scaled = asFloat.div(c255);
                NDArray centred = scaled.sub(mean)) {
            return centred.div(std);
        }
    }

    /**
     * The token ids of a batch on the device.
     *
     * @param b the batch
     * @param contextLength ids per caption
     * @param manager the batch's manager
     * @return int64 [B, contextLength]; valid until the next call (on the CPU it is a view of the reused buffer)
     */
    public NDArray tokens(TrainBatch b, int contextLength, NDManager manager) {
        long[] ids = b.tokens();
        if (ids.length != b.size() * contextLength) {
            throw new IllegalArgumentException(ids.length + " token ids for " + b.size() + " x " + contextLength);
        }
        tokens = fill(tokens, ids.length * Long.BYTES);
        tokens.asLongBuffer().put(ids);
        tokens.limit(ids.length * Long.BYTES);
        return manager.create(tokens, new Shape(b.size(), contextLength), DataType.INT64);
    }

    /** A direct buffer of at least {@code bytes}, reused when large enough, cleared for writing. */
    private static ByteBuffer fill(ByteBuffer b, int bytes) {
        ByteBuffer out =
                b.capacity() >= bytes ? b : ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        out.clear();
        return out;
    }

    @Override
    public void close() {
        constants.close();
    }
}
