package org.parrotscope.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.clip.ClipModel;

/**
 * One optimizer step of contrastive CLIP training through DJL's {@link Trainer}: forward on
 * {@code Engine.getInstance().getDevices()}, symmetric InfoNCE, backward, optional global-norm clipping, AdamW,
 * gradient zeroing and OpenCLIP's logit-scale clamp to [0, ln 100]. With several devices the batch is split
 * across them and the features are gathered on the first device before the loss, so every pair is contrasted
 * with the whole batch (OpenCLIP's {@code gather_with_grad}); only the single-device CPU path is tested here.
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

    private final Trainer trainer;
    private final AdamW optimizer;
    private final Map<String, Parameter> named;
    private final Map<String, String> idToName = new HashMap<>();
    private final Map<String, String> nameToId = new HashMap<>();
    private final Parameter logitScale;
    private final float gradClip;
    private final boolean gcCheck = Boolean.getBoolean(GC_CHECK_PROPERTY);
    private double lastNorm = Double.NaN;
    private int skipped;
    private int retried;
    private List<String> lastNonFinite = List.of();

    /**
     * Sets up a trainer for a model.
     *
     * @param model the model (its parameters are trained in place)
     * @param optimizer a builder with the schedule and hyper-parameters; the OpenCLIP decay mask is added here
     * @param gradClip global gradient-norm limit, 0 for none
     * @param batch pairs per step (for the trainer's shape initialisation)
     * @param contextLength ids per text
     */
    public StepRunner(ClipModel model, AdamW.Builder optimizer, float gradClip, int batch, int contextLength) {
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
        Device[] devices = Engine.getInstance().getDevices();
        trainer = model.djlModel()
                .newTrainer(new DefaultTrainingConfig(new ContrastiveLoss())
                        .optOptimizer(this.optimizer)
                        .optDevices(devices));
        int side = model.config().vision().imageSize();
        trainer.initialize(new Shape(batch, 3, side, side), new Shape(batch, contextLength));
    }

    /** @return the trainer (its manager creates batch arrays) */
    public Trainer trainer() {
        return trainer;
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
        double loss = backward(pixels, ids);
        // the global norm is needed for clipping and to refuse a non-finite gradient: such a step is skipped
        // (as PyTorch's GradScaler skips it) instead of writing NaN into every weight
        lastNorm = Gradients.globalNorm(named.values());
        lastNonFinite = List.of();
        if (Double.isFinite(loss) && !Double.isFinite(lastNorm)) {
            // a non-finite gradient with a finite loss was measured to come from scalars whose memory died before
            // backward (GraphScalars; fixed); should another such transient appear, the batch is retried once and
            // where it started is logged, instead of the batch being lost
            lastNonFinite = nonFiniteGradients();
            retried++;
            Gradients.clear(named.values());
            loss = backward(pixels, ids);
            lastNorm = Gradients.globalNorm(named.values());
        }
        if (Double.isFinite(lastNorm) && Double.isFinite(loss)) {
            optimizer.setGradientScale(Gradients.clipScale(lastNorm, gradClip));
            trainer.step();
            // DJL's native optimizers zero gradients inside their update; a Java optimizer must do it itself
            Gradients.zero(named.values());
        } else {
            skipped++;
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
        try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray l = trainer.getLoss().evaluate(new NDList(), forward(pixels, ids));
            if (gcCheck) {
                scrubFreedMemory();
            }
            gc.backward(l);
            return l.getFloat();
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
        Device[] devices = trainer.getDevices();
        if (devices.length == 1) {
            return trainer.forward(new NDList(pixels, ids));
        }
        NDList px = pixels.split(devices.length);
        NDList tx = ids.split(devices.length);
        NDList img = new NDList();
        NDList txt = new NDList();
        NDArray scale = null;
        for (int d = 0; d < devices.length; d++) {
            NDList out = trainer.forward(
                    new NDList(px.get(d).toDevice(devices[d], false), tx.get(d).toDevice(devices[d], false)));
            img.add(out.get(0).toDevice(devices[0], false));
            txt.add(out.get(1).toDevice(devices[0], false));
            if (d == 0) {
                scale = out.get(2);
            }
        }
        return new NDList(NDArrays.concat(img), NDArrays.concat(txt), scale);
    }

    private void clampLogitScale() {
        NDArray a = logitScale.getArray();
        float v = a.toFloatArray()[0];
        float c = Math.max(0f, Math.min(MAX_LOGIT_SCALE, v));
        if (c != v) {
            a.set(new float[] {c});
        }
    }

    @Override
    public void close() {
        trainer.close();
    }
}
