package org.parrotscope.train;

import ai.djl.training.tracker.Tracker;

/**
 * The learning-rate schedule of OpenCLIP's {@code cosine_lr}: linear warm-up {@code base * (step + 1) / warmup}
 * over the first {@code warmup} steps, then cosine decay {@code 0.5 * (1 + cos(pi * e / es)) * base} with
 * {@code e = step - warmup}, {@code es = totalSteps - warmup}. Step numbers are 0-based; DJL's update counts
 * start at 1, so {@link #getNewValue(int)} maps count {@code n} to step {@code n - 1}.
 *
 * @param baseLr the peak learning rate
 * @param warmupSteps linear warm-up steps (0 = none)
 * @param totalSteps the total number of optimizer steps
 */
public record CosineWarmup(float baseLr, int warmupSteps, int totalSteps) implements Tracker {

    /** Validates the schedule. */
    public CosineWarmup {
        if (!(baseLr > 0) || Float.isInfinite(baseLr)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + baseLr);
        }
        if (warmupSteps < 0 || totalSteps < 1) {
            throw new IllegalArgumentException(
                    "need warmupSteps >= 0 and totalSteps >= 1, got " + warmupSteps + ", " + totalSteps);
        }
    }

    /**
     * The learning rate at a 0-based step.
     *
     * @param step the optimizer step, 0 for the first update
     * @return the learning rate
     */
    public float at(int step) {
        if (step < warmupSteps) {
            return baseLr * (step + 1) / warmupSteps;
        }
        int e = step - warmupSteps;
        int es = totalSteps - warmupSteps;
        if (es <= 0) {
            return baseLr;
        }
        return (float) (0.5 * (1 + Math.cos(Math.PI * Math.min(e, es) / es)) * baseLr);
    }

    @Override
    public float getNewValue(int numUpdate) {
        return at(Math.max(0, numUpdate - 1));
    }
}
