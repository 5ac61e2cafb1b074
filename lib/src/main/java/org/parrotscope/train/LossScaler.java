package org.parrotscope.train;

/**
 * Dynamic loss scaling for fp16 training with PyTorch's {@code torch.cuda.amp.GradScaler} rule and defaults: the loss
 * is multiplied by the scale before backward, so that small fp16 gradients do not flush to zero; when any gradient is
 * infinite or NaN (an fp16 overflow) the step is skipped and the scale halved; after {@code growthInterval} finite
 * steps in a row it doubles. Starts at 2^16 and grows every 2,000 finite steps, as GradScaler does.
 */
public final class LossScaler {

    /** GradScaler's {@code init_scale}. */
    public static final float INITIAL_SCALE = 65536f;

    /** GradScaler's {@code growth_interval}. */
    public static final int GROWTH_INTERVAL = 2000;

    private final int growthInterval;
    private float scale;
    private int finiteSteps;

    /**
     * @param initialScale the first scale (positive, finite)
     * @param growthInterval finite steps in a row before the scale doubles
     */
    public LossScaler(float initialScale, int growthInterval) {
        if (!(initialScale > 0) || Float.isInfinite(initialScale) || growthInterval < 1) {
            throw new IllegalArgumentException(
                    "need a positive finite scale and growth interval, got " + initialScale + ", " + growthInterval);
        }
        this.scale = initialScale;
        this.growthInterval = growthInterval;
    }

    /** @return a scaler with GradScaler's defaults */
    public static LossScaler gradScaler() {
        return new LossScaler(INITIAL_SCALE, GROWTH_INTERVAL);
    }

    /** @return the factor the loss is multiplied by before backward */
    public float scale() {
        return scale;
    }

    /** @return finite steps since the last overflow or growth */
    public int finiteSteps() {
        return finiteSteps;
    }

    /**
     * Records a step's outcome and adjusts the scale.
     *
     * @param finite true when every (scaled) gradient was finite
     * @return true when the step is to be applied, false when it is to be skipped
     */
    public boolean update(boolean finite) {
        if (!finite) {
            scale *= 0.5f;
            finiteSteps = 0;
            return false;
        }
        if (++finiteSteps == growthInterval) {
            float grown = scale * 2f;
            if (Float.isFinite(grown)) { // GradScaler keeps the scale when doubling would overflow float32
                scale = grown;
            }
            finiteSteps = 0;
        }
        return true;
    }

    /**
     * Restores a checkpoint's state.
     *
     * @param savedScale the scale
     * @param savedFiniteSteps finite steps since the last change
     */
    public void restore(float savedScale, int savedFiniteSteps) {
        if (!(savedScale > 0) || Float.isInfinite(savedScale) || savedFiniteSteps < 0) {
            throw new IllegalArgumentException("bad loss-scaler state " + savedScale + ", " + savedFiniteSteps);
        }
        this.scale = savedScale;
        this.finiteSteps = savedFiniteSteps;
    }
}
