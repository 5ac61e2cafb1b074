package org.parrotscope.train;

/**
 * One prepared training batch, on the heap.
 *
 * @param step the 0-based optimizer step it feeds
 * @param epoch the epoch it belongs to
 * @param size number of pairs
 * @param pixels {@code size * 3 * side * side} normalised floats, sample-major, CHW
 * @param tokens {@code size * contextLength} ids
 */
public record TrainBatch(int step, int epoch, int size, float[] pixels, long[] tokens) {}
