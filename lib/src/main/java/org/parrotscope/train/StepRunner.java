package org.parrotscope.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ComputeDevice;

/**
 * One optimizer step of contrastive CLIP training, data-parallel over one or more devices ({@link Replicas}): the
 * batch is split evenly across the replicas, each replica runs forward on its share, the features are gathered on
 * the first device so that every pair is contrasted with the whole batch (OpenCLIP's {@code gather_with_grad}),
 * symmetric InfoNCE, one backward, the replicas' gradients are summed into the master gradients, then on that sum:
 * the global norm (one read per step), the non-finite guard, clipping by global norm, AdamW (DJL's native update,
 * which also zeroes the gradients) and OpenCLIP's logit-scale clamp to [0, ln 100], after which the next step
 * broadcasts the updated weights. With one device this is plain single-device training; with N it computes the
 * same step on the same global batch.
 *
 * <p>Precision fp16 is mixed precision as far as DJL 0.36 allows (it has no autocast, and its {@code toType} runs
 * without autograd, so a cast inside the graph would cut it): every replica gets half copies of the float32 master
 * weights each step and runs forward and backward in fp16 on them; layer norm and softmax take fp16 tensors but
 * accumulate their statistics in float32 inside PyTorch's kernels; the features are promoted to float32 for the whole
 * contrastive loss ({@link ContrastiveLoss}); the loss is multiplied by a dynamic scale ({@link LossScaler}) before
 * backward, the half gradients are added into float32 master gradients, and the norm, clipping and AdamW (float32
 * moments) work on those with the scale divided out. A step whose scaled gradients overflow is skipped and the scale
 * halved.
 */
public final class StepRunner implements AutoCloseable {

    /**
     * System property: when {@code true}, every step collects garbage and floods the freed native memory with NaN
     * between forward and backward, so that a tensor whose Java-owned memory died before backward (see
     * {@link org.parrotscope.clip.GraphScalars}) shows up as a non-finite gradient at once. Slow; a diagnostic.
     */
    public static final String GC_CHECK_PROPERTY = "parrotscope.train.gc-check";

    /** OpenCLIP clamps {@code logit_scale} to [0, ln 100] after each step. */
    static final float MAX_LOGIT_SCALE = (float) Math.log(100);

    private final ClipModel model;
    private final Replicas replicas;
    private final AdamW optimizer;
    private final ContrastiveLoss loss = new ContrastiveLoss();
    private final Map<String, Parameter> named;
    private final Map<String, String> idToName = new HashMap<>();
    private final Map<String, String> nameToId = new HashMap<>();
    private final Parameter logitScale;
    private final NDManager constants;
    private final NDArray zero;
    private final NDArray maxLogitScale;
    private final float gradClip;
    private final int batch;
    private final boolean gcCheck = Boolean.getBoolean(GC_CHECK_PROPERTY);
    private final Precision precision;
    private final LossScaler scaler;
    private NDArray scaleArray;
    private float scaleArrayValue = Float.NaN;
    private int overflows;
    private double lastNorm = Double.NaN;
    private int skipped;
    private int retried;
    private List<String> lastNonFinite = List.of();

    /**
     * Sets up training of a model on the devices of {@link ComputeDevice#trainingDevices()} (one unless
     * {@code --gpus N} asked for more).
     *
     * @param model the model (its parameters are trained in place)
     * @param optimizer a builder with the schedule and hyper-parameters; the OpenCLIP decay mask is added here
     * @param gradClip global gradient-norm limit, 0 for none
     * @param batch pairs per step (the global batch, split across the devices)
     * @param contextLength ids per text
     */
    public StepRunner(ClipModel model, AdamW.Builder optimizer, float gradClip, int batch, int contextLength) {
        this(model, optimizer, gradClip, batch, contextLength, Precision.FP32);
    }

    /**
     * Sets up training in a given precision on the devices of {@link ComputeDevice#trainingDevices()}; fp16 with
     * GradScaler's loss scaling ({@link LossScaler#gradScaler()}).
     *
     * @param model the model (its parameters are trained in place)
     * @param optimizer a builder with the schedule and hyper-parameters; the OpenCLIP decay mask is added here
     * @param gradClip global gradient-norm limit, 0 for none
     * @param batch pairs per step (the global batch, split across the devices)
     * @param contextLength ids per text
     * @param precision fp32, or fp16 mixed precision
     */
    public StepRunner(
            ClipModel model,
            AdamW.Builder optimizer,
            float gradClip,
            int batch,
            int contextLength,
            Precision precision) {
        this(
                model,
                optimizer,
                gradClip,
                batch,
                contextLength,
                ComputeDevice.trainingDevices(),
                precision,
                precision == Precision.FP16 ? LossScaler.gradScaler() : null);
    }

    /**
     * Sets up data-parallel training on given devices.
     *
     * @param model the model, on {@code devices.get(0)} (its parameters are the master weights, trained in place)
     * @param optimizer a builder with the schedule and hyper-parameters; the OpenCLIP decay mask is added here
     * @param gradClip global gradient-norm limit, 0 for none
     * @param batch pairs per step (the global batch); must divide by the number of devices
     * @param contextLength ids per text
     * @param devices one per replica; a device may repeat (separate replicas on one device, as tests do on the CPU)
     */
    public StepRunner(
            ClipModel model,
            AdamW.Builder optimizer,
            float gradClip,
            int batch,
            int contextLength,
            List<Device> devices) {
        this(model, optimizer, gradClip, batch, contextLength, devices, Precision.FP32, null);
    }

    /**
     * Sets up data-parallel training on given devices in a given precision.
     *
     * @param model the model, on {@code devices.get(0)} (its parameters are the master weights, trained in place)
     * @param optimizer a builder with the schedule and hyper-parameters; the OpenCLIP decay mask is added here
     * @param gradClip global gradient-norm limit, 0 for none
     * @param batch pairs per step (the global batch); must divide by the number of devices
     * @param contextLength ids per text
     * @param devices one per replica; a device may repeat (separate replicas on one device, as tests do on the CPU)
     * @param precision fp32, or fp16: forward and backward on half copies of the weights, the loss in fp32
     * @param scaler the loss scaler of an fp16 run (required for fp16, null for fp32)
     */
    public StepRunner(
            ClipModel model,
            AdamW.Builder optimizer,
            float gradClip,
            int batch,
            int contextLength,
            List<Device> devices,
            Precision precision,
            LossScaler scaler) {
        if ((precision == Precision.FP16) != (scaler != null)) {
            throw new IllegalArgumentException("fp16 training needs a loss scaler, fp32 training none");
        }
        if (devices.isEmpty() || batch < 1 || batch % devices.size() != 0) {
            throw new IllegalArgumentException("batch " + batch + " does not divide evenly over " + devices.size()
                    + " device(s) " + devices + ": data-parallel training needs a batch that is a multiple of the"
                    + " device count (--gpus)");
        }
        if (!model.device().equals(devices.get(0))) {
            throw new IllegalArgumentException(
                    "model lives on " + model.device() + " but training was asked on " + devices.get(0));
        }
        if (contextLength < 1 || contextLength > model.config().text().contextLength()) {
            throw new IllegalArgumentException("context length " + contextLength + " not in [1, "
                    + model.config().text().contextLength() + "]");
        }
        this.model = model;
        this.batch = batch;
        this.named = model.parameters();
        Map<String, Boolean> decay = new HashMap<>();
        named.forEach((name, p) -> {
            idToName.put(p.getId(), name);
            nameToId.put(name, p.getId());
            decay.put(
                    p.getId(),
                    WeightDecayRule.decays(name, p.getArray().getShape().dimension()));
        });
        this.optimizer =
                optimizer.optDecayMask(id -> decay.getOrDefault(id, false)).build();
        this.logitScale = named.get("logit_scale");
        this.gradClip = gradClip;
        this.precision = precision;
        this.scaler = scaler;
        String scaleId = logitScale.getId();
        this.replicas =
                new Replicas(devices, named.values(), model.manager(), precision.compute(), id -> id.equals(scaleId));
        // the clamp's bounds stay on the device: no host scalar per step
        this.constants = model.manager().newSubManager();
        this.zero = constants.zeros(logitScale.getArray().getShape());
        this.maxLogitScale = zero.add(MAX_LOGIT_SCALE);
    }

    /** @return a new manager for one batch's arrays, on the first device; close it after {@link #step} */
    public NDManager newBatchManager() {
        return model.manager().newSubManager();
    }

    /** @return the devices, one per replica, the first holding the master weights */
    public List<Device> devices() {
        return replicas.devices();
    }

    /** @return the optimizer */
    public AdamW optimizer() {
        return optimizer;
    }

    /** @return parameter id to OpenCLIP name */
    public Map<String, String> idToName() {
        return idToName;
    }

    /** @return OpenCLIP name to parameter id */
    public Map<String, String> nameToId() {
        return nameToId;
    }

    /** @return steps skipped because the loss or the gradient was not finite */
    public int skippedSteps() {
        return skipped;
    }

    /** @return fp32 or fp16 */
    public Precision precision() {
        return precision;
    }

    /** @return the loss scaler of an fp16 run, or null */
    public LossScaler scaler() {
        return scaler;
    }

    /** @return fp16 steps skipped because a scaled gradient overflowed (the scale was halved) */
    public int overflowSteps() {
        return overflows;
    }

    /** @return the global gradient norm of the last step (not finite when the step was skipped) */
    public double lastGradNorm() {
        return lastNorm;
    }

    /** @return the current logit scale */
    public float logitScale() {
        return logitScale.getArray().toFloatArray()[0];
    }

    /**
     * Runs one step.
     *
     * @param pixels [B, 3, S, S] normalised images
     * @param ids [B, L] token ids
     * @return the loss before the update
     */
    public double step(NDArray pixels, NDArray ids) {
        if (pixels.getShape().get(0) != batch || ids.getShape().get(0) != batch) {
            throw new IllegalArgumentException("step got " + pixels.getShape() + " pixels and " + ids.getShape()
                    + " ids; this runner was set up for batch " + batch);
        }
        NDArray input = precision == Precision.FP32 ? pixels : pixels.toType(precision.compute(), false);
        float lossScale = scaler == null ? 1f : scaler.scale();
        double loss = backward(input, ids);
        // the global norm is needed for clipping and to refuse a non-finite gradient: such a step is skipped
        // (as PyTorch's GradScaler skips it) instead of writing NaN into every weight; in fp16 the gradients carry
        // the loss scale, which the norm and the update divide out
        lastNorm = Gradients.globalNorm(named.values()) / lossScale;
        lastNonFinite = List.of();
        if (scaler == null && Double.isFinite(loss) && !Double.isFinite(lastNorm)) {
            // a non-finite gradient with a finite loss was measured to come from scalars whose memory died before
            // backward (GraphScalars; fixed); should another such transient appear, the batch is retried once and
            // where it started is logged, instead of the batch being lost. In fp16 it is an overflow: the scaler
            // halves the scale and the step is skipped, as GradScaler does, without a retry
            lastNonFinite = nonFiniteGradients();
            retried++;
            Gradients.clear(named.values());
            loss = backward(input, ids);
            lastNorm = Gradients.globalNorm(named.values());
        }
        boolean apply = Double.isFinite(lastNorm) && Double.isFinite(loss);
        if (scaler != null) {
            scaler.update(apply);
        }
        if (apply) {
            optimizer.setGradientScale(Gradients.clipScale(lastNorm, gradClip) / lossScale);
            update();
        } else {
            skipped++;
            if (scaler != null) {
                overflows++;
            }
            Gradients.clear(named.values());
        }
        clampLogitScale();
        return loss;
    }

    /** @return steps whose gradient was not finite with a finite loss and which were recomputed once */
    public int retriedSteps() {
        return retried;
    }

    /** @return names of the parameters whose gradient held NaN or infinity in the last step's first backward */
    public List<String> lastNonFiniteGradients() {
        return lastNonFinite;
    }

    private List<String> nonFiniteGradients() {
        List<String> out = new ArrayList<>();
        for (var e : named.entrySet()) {
            NDArray a = e.getValue().getArray();
            if (a.hasGradient()) {
                try (NDArray g = a.getGradient();
                        NDArray sq = g.square();
                        NDArray s = sq.sum()) {
                    if (!Float.isFinite(s.getFloat())) {
                        out.add(e.getKey());
                    }
                }
            }
        }
        return out;
    }

    private double backward(NDArray pixels, NDArray ids) {
        replicas.broadcast();
        double value;
        try (GradientCollector gc = model.engine().newGradientCollector()) {
            NDArray l = loss.evaluate(new NDList(), forward(pixels, ids));
            if (gcCheck) {
                scrubFreedMemory();
            }
            gc.backward(scaler == null ? l : l.mul(scaleArray()));
            value = l.getFloat();
        }
        replicas.reduceGradients();
        return value;
    }

    /** The loss scale as a float32 scalar on the first device, rebuilt only when the scaler changes it. */
    private NDArray scaleArray() {
        float s = scaler.scale();
        if (s != scaleArrayValue) {
            if (scaleArray != null) {
                scaleArray.close();
            }
            scaleArray = constants.full(new Shape(), s, DataType.FLOAT32);
            scaleArrayValue = s;
        }
        return scaleArray;
    }

    /** AdamW on every master weight with its (summed) gradient; the native update zeroes the gradient. */
    private void update() {
        for (Parameter p : named.values()) {
            NDArray w = p.getArray();
            if (p.requiresGradient() && w.hasGradient()) {
                try (NDArray g = w.getGradient()) {
                    optimizer.update(p.getId(), w, g);
                }
            }
        }
    }

    /** Frees unreachable direct buffers and refills freed native memory with NaN (see {@link #GC_CHECK_PROPERTY}). */
    private static void scrubFreedMemory() {
        System.gc();
        try {
            Thread.sleep(5); // the cleaner thread frees the buffers' memory
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> flood = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 << (i % 5)).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 4) {
                b.putFloat(Float.NaN);
            }
            flood.add(b);
        }
        flood.clear();
    }

    private NDList forward(NDArray pixels, NDArray ids) {
        int n = replicas.size();
        if (n == 1) {
            return model.network().forward(replicas.store(0), new NDList(pixels, ids), true);
        }
        NDList px = pixels.split(n);
        NDList tx = ids.split(n);
        Device first = replicas.device(0);
        NDList img = new NDList();
        NDList txt = new NDList();
        NDArray scale = null;
        for (int r = 0; r < n; r++) {
            Device d = replicas.device(r);
            NDList out = model.network()
                    .forward(
                            replicas.store(r),
                            new NDList(px.get(r).toDevice(d, false), tx.get(r).toDevice(d, false)),
                            true);
            // the gather is differentiable: backward sends each share's feature gradients back to its replica
            img.add(out.get(0).toDevice(first, false));
            txt.add(out.get(1).toDevice(first, false));
            if (r == 0) {
                scale = out.get(2); // the master logit scale: its gradient needs no reduction
            }
        }
        return new NDList(NDArrays.concat(img), NDArrays.concat(txt), scale);
    }

    /** Clamps the master logit scale in place on its device (no host read). */
    private void clampLogitScale() {
        NDArray a = logitScale.getArray();
        try (NDManager scope = constants.newSubManager()) {
            NDArray clamped = a.maximum(zero);
            clamped.attach(scope);
            NDArray c2 = clamped.minimum(maxLogitScale);
            NDArray excess = a.sub(c2);
            excess.attach(scope);
            a.subi(excess);
        }
    }

    @Override
    public void close() {
        // the optimizer state is about twice the model's size: free it now, not when the model closes
        optimizer.close();
        replicas.close();
        constants.close();
    }
}
