package org.parrotscope.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * AdamW's state in a device- and run-independent form: first and second moments and the update count
 * per parameter, keyed by the parameter's stable (OpenCLIP) name.
 *
 * @param means first moments
 * @param variances second moments
 * @param steps update counts
 */
public record OptimizerState(Map<String, NDArray> means, Map<String, NDArray> variances, Map<String, Integer> steps) {

    /** Validates that the three maps cover the same parameters. */
    public OptimizerState {
        means = Map.copyOf(means);
        variances = Map.copyOf(variances);
        steps = Map.copyOf(steps);
        if (!means.keySet().equals(variances.keySet()) || !means.keySet().equals(steps.keySet())) {
            throw new IllegalArgumentException("optimizer state: moments and step counts name different parameters");
        }
    }
}
