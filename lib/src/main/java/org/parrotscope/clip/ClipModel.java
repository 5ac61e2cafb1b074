package org.parrotscope.clip;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.parrotscope.util.Json;

/**
 * A CLIP model ready to run: the {@link ClipNetwork} with its weights in a DJL {@link Model} on the
 * PyTorch engine's default device (GPU when DJL finds one, CPU otherwise), float32. Load one from a model
 * folder ({@link #load(Path)}, see {@link ClipWeights} for the accepted tensor names) or create a
 * randomly initialised one for training ({@link #create(ClipConfig, long)}). Closing releases the
 * native memory.
 */
public final class ClipModel implements AutoCloseable {

    /** Images or texts per forward pass in the array-level encode methods. */
    public static final int DEFAULT_BATCH = 32;

    /** The DJL engine the blocks run on. */
    public static final String ENGINE = "PyTorch";

    private final ClipConfig config;
    private final Model model;
    private final ClipNetwork network;
    private final ParameterStore store;
    private final JsonObject preprocessConfig;
    private final List<Path> tokenizerFiles;

    private ClipModel(
            ClipConfig config,
            Function<String, float[]> values,
            JsonObject preprocessConfig,
            List<Path> tokenizerFiles,
            Device device) {
        this.config = config;
        this.preprocessConfig = preprocessConfig == null
                ? Json.parse(ModelFolder.DEFAULT_PREPROCESS).getAsJsonObject()
                : preprocessConfig.deepCopy();
        this.tokenizerFiles = List.copyOf(tokenizerFiles);
        this.network = new ClipNetwork(config);
        Map<String, long[]> shapes = ClipShapes.of(config);
        Map<String, Parameter> params = StateDict.of(network);
        if (!params.keySet().equals(shapes.keySet())) {
            throw new IllegalStateException(
                    "CLIP blocks and ClipShapes disagree: " + params.keySet() + " vs " + shapes.keySet());
        }
        for (var e : params.entrySet()) {
            String name = e.getKey();
            e.getValue().setInitializer((manager, shape, dataType) -> {
                float[] v = values.apply(name);
                if (v.length != shape.size()) {
                    throw new IllegalArgumentException(name + ": " + v.length + " values for shape " + shape);
                }
                return manager.create(v, shape);
            });
        }
        // explicitly PyTorch: ONNX Runtime is on the classpath too and cannot run these blocks
        model = Model.newInstance("clip", device, ENGINE);
        model.setBlock(network);
        try {
            network.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, 3, config.vision().imageSize(), config.vision().imageSize()),
                    new Shape(1, config.text().contextLength()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        store = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * Loads a model folder (see {@link ModelFolder}): the configuration ({@code open_clip_config.json}
     * or {@code config.json}) and the weights {@code model.safetensors} or
     * {@code open_clip_model.safetensors} (OpenCLIP or Hugging Face names, F32/F16/BF16, strictly
     * checked by {@link ClipWeights}). Tokenizer files in the folder are remembered for {@link #save(Path)}.
     *
     * @param modelDir the folder
     * @return the model
     * @throws IOException when a file is missing, unreadable or does not match the configuration
     */
    public static ClipModel load(Path modelDir) throws IOException {
        return load(modelDir, ComputeDevice.primary());
    }

    /**
     * Loads a model folder onto a given device (a Spark executor's model, placed by the job's {@code --device}).
     *
     * @param modelDir the folder
     * @param device where the weights live
     * @return the model
     * @throws IOException when a file is missing, unreadable or does not match the configuration
     */
    public static ClipModel load(Path modelDir, Device device) throws IOException {
        ClipConfig config = ClipConfig.read(ModelFolder.configFile(modelDir));
        Path weights = ModelFolder.weightsFile(modelDir);
        try (ClipWeights w = ClipWeights.open(weights, config)) {
            return new ClipModel(
                    config,
                    w::values,
                    ModelFolder.preprocessConfig(modelDir),
                    ModelFolder.tokenizerFiles(modelDir),
                    device);
        } catch (RuntimeException e) {
            throw new IOException(weights + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a model with OpenCLIP's random initialisation (see {@link ClipInit}).
     *
     * @param config the architecture
     * @param seed the random seed; equal seeds give equal weights
     * @return the model
     */
    public static ClipModel create(ClipConfig config, long seed) {
        ClipInit init = new ClipInit(config, seed);
        Map<String, long[]> shapes = ClipShapes.of(config);
        return create(config, seed, ComputeDevice.primary());
    }

    /**
     * Creates a model with OpenCLIP's random initialisation on a given device (tests comparing devices).
     *
     * @param config the architecture
     * @param seed the random seed; equal seeds give equal weights
     * @param device where the weights live
     * @return the model
     */
    public static ClipModel create(ClipConfig config, long seed, Device device) {
        ClipInit init = new ClipInit(config, seed);
        Map<String, long[]> shapes = ClipShapes.of(config);
        return new ClipModel(config, name -> init.values(name, shapes.get(name)), null, List.of(), device);
    }

    /**
     * Builds a model from tensors already in OpenCLIP names and shapes.
     *
     * @param config the architecture
     * @param tensors values per OpenCLIP name, each of {@link ClipShapes#of(ClipConfig)}'s size; all names required
     * @return the model
     */
    public static ClipModel of(ClipConfig config, Map<String, float[]> tensors) {
        var missing = new java.util.TreeSet<>(ClipShapes.of(config).keySet());
        missing.removeAll(tensors.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing tensors: " + missing);
        }
        return new ClipModel(config, tensors::get, null, List.of(), ComputeDevice.primary());
    }

    /**
     * Writes a model folder: {@code config.json} ({@code model_cfg} and {@code preprocess_cfg}),
     * {@code model.safetensors} in OpenCLIP names (float32), and copies of the tokenizer files this
     * model was loaded with, if any.
     *
     * @param dir the folder (created)
     * @throws IOException when writing fails
     */
    public void save(Path dir) throws IOException {
        ModelFolder.save(this, dir);
    }

    /** @return the architecture */
    public ClipConfig config() {
        return config;
    }

    /** @return the DJL block (for training with a {@code Trainer} or a {@code GradientCollector}) */
    public ClipNetwork network() {
        return network;
    }

    /** @return the DJL model owning the parameters */
    public Model djlModel() {
        return model;
    }

    /** @return the manager owning the parameters; create per-batch sub-managers from it */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** @return the engine of the parameters; take gradient collectors from it when training */
    public Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    /**
     * The learned log temperature as an array, for a differentiable contrastive loss.
     *
     * @param like an array on the wanted device
     * @param training true to record gradients
     * @return the scalar parameter ({@code exp} of it multiplies cosines)
     */
    public NDArray logitScale(NDArray like, boolean training) {
        return network.logitScale(store, like, training);
    }

    /** @return the device the parameters live on */
    public Device device() {
        return model.getNDManager().getDevice();
    }

    /** @return the parameter store used by the forward methods */
    public ParameterStore parameterStore() {
        return store;
    }

    /** @return the tokenizer files of the loaded model folder (empty for a created model) */
    public List<Path> tokenizerFiles() {
        return tokenizerFiles;
    }

    /** @return the {@code preprocess_cfg} of the model folder, or OpenCLIP's defaults */
    public JsonObject preprocessConfig() {
        return preprocessConfig.deepCopy();
    }

    /**
     * Image features as an array, differentiable when {@code training} and inside a gradient collector.
     *
     * @param pixels [N, 3, S, S]
     * @param training true to record gradients
     * @return [N, embed], unnormalised
     */
    public NDArray encodeImages(NDArray pixels, boolean training) {
        return network.encodeImages(store, pixels, training);
    }

    /**
     * Text features as an array, differentiable when {@code training} and inside a gradient collector.
     *
     * @param ids [M, L] int64 token ids
     * @param training true to record gradients
     * @return [M, embed], unnormalised
     */
    public NDArray encodeTexts(NDArray ids, boolean training) {
        return network.encodeTexts(store, ids, training);
    }

    /**
     * Image features of preprocessed images, in forward passes of {@value #DEFAULT_BATCH}.
     *
     * @param pixelsNCHW n images of [3, S, S] each, concatenated
     * @param n the number of images
     * @return n rows of unnormalised features
     */
    public float[][] encodeImages(float[] pixelsNCHW, int n) {
        return encodeImages(pixelsNCHW, n, DEFAULT_BATCH);
    }

    /**
     * Image features of preprocessed images.
     *
     * @param pixelsNCHW n images of [3, S, S] each, concatenated
     * @param n the number of images
     * @param batch images per forward pass
     * @return n rows of unnormalised features
     */
    public synchronized float[][] encodeImages(float[] pixelsNCHW, int n, int batch) {
        int s = config.vision().imageSize();
        int per = 3 * s * s;
        if (pixelsNCHW.length != (long) n * per) {
            throw new IllegalArgumentException("expected " + n + " x 3 x " + s + " x " + s + " = " + (long) n * per
                    + " values, got " + pixelsNCHW.length);
        }
        float[][] out = new float[n][];
        try (NoGrad ng = new NoGrad()) {
            for (int start = 0; start < n; start += batch) {
                int b = Math.min(batch, n - start);
                try (NDManager sub = manager().newSubManager()) {
                    float[] chunk = java.util.Arrays.copyOfRange(pixelsNCHW, start * per, (start + b) * per);
                    NDArray x = sub.create(chunk, new Shape(b, 3, s, s));
                    rows(network.encodeImages(store, x, false), out, start);
                }
            }
        }
        return out;
    }

    /**
     * Text features of tokenized texts, in forward passes of {@value #DEFAULT_BATCH}.
     *
     * @param ids one row of token ids per text, all of the same length (at most the context length)
     * @return one row of unnormalised features per text
     */
    public float[][] encodeTexts(long[][] ids) {
        return encodeTexts(ids, DEFAULT_BATCH);
    }

    /**
     * Text features of tokenized texts.
     *
     * @param ids one row of token ids per text, all of the same length (at most the context length)
     * @param batch texts per forward pass
     * @return one row of unnormalised features per text
     */
    public synchronized float[][] encodeTexts(long[][] ids, int batch) {
        int m = ids.length;
        float[][] out = new float[m][];
        if (m == 0) {
            return out;
        }
        int len = ids[0].length;
        try (NoGrad ng = new NoGrad()) {
            for (int start = 0; start < m; start += batch) {
                int b = Math.min(batch, m - start);
                // Under the causal mask no token sees a later one, so the padding after the last end
                // token of the batch cannot change any pooled feature: run only up to it.
                int used = 1;
                for (int i = 0; i < b; i++) {
                    if (ids[start + i].length != len) {
                        throw new IllegalArgumentException(
                                "token rows differ in length: " + len + " and " + ids[start + i].length);
                    }
                    used = Math.max(used, argMax(ids[start + i]) + 1);
                }
                long[] flat = new long[b * used];
                for (int i = 0; i < b; i++) {
                    System.arraycopy(ids[start + i], 0, flat, i * used, used);
                }
                try (NDManager sub = manager().newSubManager()) {
                    rows(network.encodeTexts(store, sub.create(flat, new Shape(b, used)), false), out, start);
                }
            }
        }
        return out;
    }

    /** The first position of the largest id: the end-of-text token, where OpenCLIP pools. */
    private static int argMax(long[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    /** @return the learned log temperature ({@code exp} of it scales cosine similarities into logits) */
    public float logitScale() {
        return StateDict.of(network).get("logit_scale").getArray().toFloatArray()[0];
    }

    /**
     * @return every parameter by its OpenCLIP {@code state_dict} name, in tree order (the live DJL parameters, for
     *     training: weight-decay rule, optimizer state keys)
     */
    public Map<String, Parameter> parameters() {
        return StateDict.of(network);
    }

    /** @return every tensor in OpenCLIP names (copied to the heap), for saving */
    public Map<String, float[]> stateDict() {
        Map<String, float[]> out = new LinkedHashMap<>();
        StateDict.of(network).forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
        return out;
    }

    private void rows(NDArray features, float[][] out, int start) {
        int e = config.embedDim();
        float[] flat = features.toFloatArray();
        for (int i = 0; i < flat.length / e; i++) {
            out[start + i] = java.util.Arrays.copyOfRange(flat, i * e, (i + 1) * e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
