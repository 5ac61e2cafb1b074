package org.parrotscope.train;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * The arithmetic of a training run's forward and backward passes. Master weights, gradients and the optimizer state
 * are float32 in both.
 */
public enum Precision {
    /** float32 throughout (the default). */
    FP32(DataType.FLOAT32),
    /**
     * Mixed precision: forward and backward in float16 on half copies of the weights, made each step; the contrastive
     * loss in float32; dynamic loss scaling ({@link LossScaler}).
     */
    FP16(DataType.FLOAT16);

    private final DataType compute;

    Precision(DataType compute) {
        this.compute = compute;
    }

    /** @return the data type of the forward and backward passes */
    public DataType compute() {
        return compute;
    }

    /** @return {@code fp32} or {@code fp16} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a command-line value.
     *
     * @param s {@code fp32} or {@code fp16} (any case)
     * @return the precision
     */
    public static Precision parse(String s) {
        for (Precision p : values()) {
            if (p.name().equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "precision must be fp32 or fp16, got " + s + " (DJL 0.36 has no usable bf16 and no autocast)");
    }
}
