package org.parrotscope.clip;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor entry of a safetensors header.
 *
 * @param name the tensor name, e.g. {@code visual.conv1.weight}
 * @param dtype the element type
 * @param shape the dimensions (empty for a scalar); copied
 * @param begin first byte, relative to the start of the data section
 * @param end one past the last byte, relative to the start of the data section
 */
public record TensorInfo(String name, SafeDType dtype, long[] shape, long begin, long end) {

    /** Validates the entry: non-negative dimensions whose product and byte size fit a long and match the offsets. */
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("tensor " + name + ": bad offsets [" + begin + ", " + end + "]");
        }
        long bytes = Math.multiplyExact(numel(shape), (long) dtype.size());
        if (end - begin != bytes) {
            throw new IllegalArgumentException("tensor " + name + ": offsets [" + begin + ", " + end + "] span "
                    + (end - begin) + " bytes but " + dtype + Arrays.toString(shape) + " needs " + bytes);
        }
    }

    /**
     * The number of elements of a shape.
     *
     * @param shape the dimensions
     * @return their product (1 for a scalar)
     * @throws IllegalArgumentException for a negative dimension
     * @throws ArithmeticException when the product overflows a long
     */
    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** @return a copy of the dimensions */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of elements */
    public long numel() {
        return numel(shape);
    }

    /** @return the size of the data in bytes */
    public long byteSize() {
        return end - begin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t
                && name.equals(t.name)
                && dtype == t.dtype
                && Arrays.equals(shape, t.shape)
                && begin == t.begin
                && end == t.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
    }
}
