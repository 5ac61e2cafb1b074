package org.parrotscope.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.parrotscope.clip.SafetensorsWriter;

/**
 * AdamW (Loshchilov and Hutter 2019) as {@code torch.optim.AdamW} computes it, with decoupled weight decay
 * applied only to the parameters a mask selects - OpenCLIP decays matrices and convolution kernels but
 * not gains, biases, embeddings or the logit scale ({@link WeightDecayRule}). DJL's own optimizers take one
 * weight decay for all parameters, hence this class.
 *
 * <p>Per update of a parameter: {@code w -= lr * wd * w} (decayed parameters only), {@code m = b1 m + (1 - b1) g},
 * {@code v = b2 v + (1 - b2) g^2}, {@code w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 * The step count t and the moments are kept per parameter, on the device of the weights, in the optimizer's own
 * manager (freed by {@link #close()}), and can be exported and restored ({@link OptimizerState}) so that a resumed
 * run continues bit-for-bit.
 */
public final class AdamW extends Optimizer implements AutoCloseable {

    private final ParameterTracker lr;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Predicate<String> decays;
    // one state per parameter, on the master device: data-parallel training updates the master weights once and
    // broadcasts them (Replicas); per-device states would start from different values (DJL's withDefaultState)
    private final Map<String, NDArray> means = new ConcurrentHashMap<>();
    private final Map<String, NDArray> variances = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private NDManager stateManager;
    private volatile float gradScale = 1f;

    private AdamW(Builder b) {
        super(b);
        this.lr = b.lr;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
        this.weightDecay = b.weightDecay;
        this.decays = b.decays;
    }

    /** @return a builder with OpenCLIP's ViT defaults (betas 0.9/0.98, eps 1e-6, wd 0.2) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scales the gradients of the next updates, e.g. by {@code maxNorm / globalNorm} for clipping by global
     * norm (the norm needs all gradients, which one per-parameter update cannot see).
     *
     * @param scale the factor, 1 for none
     */
    public void setGradientScale(float scale) {
        this.gradScale = scale;
    }

    /**
     * One AdamW update of a parameter, on the parameter's device, by DJL's native {@code adamUpdate}: its scalars
     * are call arguments, so no tensor is copied from the host (the arithmetic written with {@code NDArray}
     * operations made seven host-to-device scalar copies per parameter and step). The native update divides by
     * {@code sqrt(v) + eps} and scales by one bias-corrected rate; with that rate set to {@code lr sqrt(bc2) / bc1}
     * and eps to {@code eps sqrt(bc2)} it is PyTorch's {@code lr / bc1 * m / (sqrt(v) / sqrt(bc2) + eps)} exactly
     * (in real arithmetic). Decoupled decay {@code w -= lr wd w} comes first, as in {@code torch.optim.AdamW}. The
     * native call zeroes the weight's gradient afterwards.
     */
    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = counts.merge(parameterId, 1, Integer::sum);
        float rate = lr.getNewValue(parameterId, t);
        float scale = gradScale * rescaleGrad;
        NDArray m = means.computeIfAbsent(
                parameterId,
                k -> state(weight.getManager().getEngine(), weight.getDevice()).zeros(weight.getShape()));
        NDArray v = variances.computeIfAbsent(
                parameterId,
                k -> state(weight.getManager().getEngine(), weight.getDevice()).zeros(weight.getShape()));
        double bc1 = 1 - Math.pow(beta1, t);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(beta2, t));
        float wd = weightDecay > 0 && decays.test(parameterId) ? weightDecay : 0f;
        weight.getNDArrayInternal()
                .adamUpdate(
                        new NDList(weight, grad, m, v),
                        new NDList(weight),
                        rate,
                        (float) (rate * sqrtBc2 / bc1),
                        wd,
                        scale,
                        -1f, // no element-wise clipping: clipping is by global norm (setGradientScale)
                        beta1,
                        beta2,
                        (float) (epsilon * sqrtBc2),
                        false,
                        true);
    }

    /** The manager of the moments: the optimizer's own, so that closing the optimizer frees them. */
    private synchronized NDManager state(ai.djl.engine.Engine engine, Device device) {
        if (stateManager == null) {
            stateManager = engine.newBaseManager(device);
        }
        return stateManager;
    }

    /** Frees the moments (about twice the model's size); the optimizer must not be used afterwards. */
    @Override
    public synchronized void close() {
        if (stateManager != null) {
            stateManager.close();
            stateManager = null;
        }
        means.clear();
        variances.clear();
        counts.clear();
    }

    /**
     * Exports the moments and step counts, keyed by a stable parameter name.
     *
     * @param names parameter id to stable name (e.g. the OpenCLIP name)
     * @return the state, copied to the heap; parameters never updated are absent
     */
    public OptimizerState exportState(Map<String, String> names) {
        Map<String, SafetensorsWriter.Tensor> m = new HashMap<>();
        Map<String, SafetensorsWriter.Tensor> v = new HashMap<>();
        Map<String, Integer> t = new HashMap<>();
        for (var e : names.entrySet()) {
            NDArray mean = means.get(e.getKey());
            if (mean == null) {
                continue;
            }
            m.put(e.getValue(), heap(mean));
            v.put(e.getValue(), heap(variances.get(e.getKey())));
            t.put(e.getValue(), counts.get(e.getKey()));
        }
        return new OptimizerState(m, v, t);
    }

    private static SafetensorsWriter.Tensor heap(NDArray a) {
        return new SafetensorsWriter.Tensor(a.getShape().getShape(), a.toFloatArray());
    }

    /**
     * Restores exported state before the first update, on the device of the master weights.
     *
     * @param state the exported state
     * @param ids stable name to parameter id of this run
     * @param like an array of the model on the device the updated weights live on
     */
    public void importState(OptimizerState state, Map<String, String> ids, NDArray like) {
        NDManager owner = state(like.getManager().getEngine(), like.getDevice());
        for (var e : state.steps().entrySet()) {
            String id = Objects.requireNonNull(
                    ids.get(e.getKey()), () -> "optimizer state names unknown parameter " + e.getKey());
            means.put(id, create(owner, state.means().get(e.getKey())));
            variances.put(id, create(owner, state.variances().get(e.getKey())));
            counts.put(id, e.getValue());
        }
    }

    private static NDArray create(NDManager manager, SafetensorsWriter.Tensor t) {
        return manager.create(t.data(), new ai.djl.ndarray.types.Shape(t.shape()));
    }

    /** Builds an {@link AdamW}. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker lr = ai.djl.training.tracker.Tracker.fixed(5e-4f);
        private float beta1 = 0.9f;
        private float beta2 = 0.98f;
        private float epsilon = 1e-6f;
        private float weightDecay = 0.2f;
        private Predicate<String> decays = id -> true;

        /** @param tracker the learning-rate schedule (default fixed 5e-4, OpenCLIP's default lr) @return this */
        public Builder optLearningRateTracker(ParameterTracker tracker) {
            this.lr = Objects.requireNonNull(tracker);
            return this;
        }

        /** @param b1 first-moment decay (default 0.9) @param b2 second-moment decay (default 0.98) @return this */
        public Builder optBetas(float b1, float b2) {
            this.beta1 = b1;
            this.beta2 = b2;
            return this;
        }

        /** @param eps denominator epsilon (default 1e-6, OpenCLIP's ViT value) @return this */
        public Builder optEpsilon(float eps) {
            this.epsilon = eps;
            return this;
        }

        /** @param wd decoupled weight decay (default 0.2, OpenCLIP's default) @return this */
        public Builder optDecoupledWeightDecay(float wd) {
            this.weightDecay = wd;
            return this;
        }

        /** @param mask true for parameter ids that get weight decay (default all) @return this */
        public Builder optDecayMask(Predicate<String> mask) {
            this.decays = Objects.requireNonNull(mask);
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** @return the optimizer */
        public AdamW build() {
            if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
            }
            if (!(epsilon > 0) || weightDecay < 0) {
                throw new IllegalArgumentException("need epsilon > 0 and weight decay >= 0");
            }
            return new AdamW(this);
        }
    }
}
