package org.parrotscope.train;

import java.util.List;

/**
 * One prepared training batch, on the heap. Pixels are uint8 after crop and resize, not normalised floats: a quarter
 * of the memory in the prefetch queue; {@link DeviceInput} normalises them on the device.
 *
 * @param step the 0-based optimizer step it feeds
 * @param epoch the epoch it belongs to
 * @param size number of pairs
 * @param pixels {@code size * 3 * side * side} uint8 values (0-255 as Java bytes), sample-major, CHW
 * @param tokens {@code size * contextLength} ids
 * @param keys the sample keys, in batch order (empty when not tracked)
 * @param cursor where the loader stands in its epoch after this batch (the streaming loader's raw sample count, which
 *     a checkpoint stores to resume at the same sample; -1 for the in-memory loader, whose order is a function of the
 *     step alone)
 */
public record TrainBatch(int step, int epoch, int size, byte[] pixels, long[] tokens, List<String> keys, long cursor) {

    /** Copies the keys. */
    public TrainBatch {
        keys = List.copyOf(keys);
    }

    /**
     * A batch of the in-memory loader.
     *
     * @param step the step
     * @param epoch the epoch
     * @param size pairs
     * @param pixels the images
     * @param tokens the captions
     * @param keys the sample keys
     */
    public TrainBatch(int step, int epoch, int size, byte[] pixels, long[] tokens, List<String> keys) {
        this(step, epoch, size, pixels, tokens, keys, -1);
    }
}
