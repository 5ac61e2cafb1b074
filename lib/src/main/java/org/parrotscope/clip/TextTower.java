package org.parrotscope.clip;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenCLIP's text encoder (top-level tensors of {@code CLIP}): token and positional embeddings,
 * residual blocks under a causal mask, {@code ln_final}, the features of the end-of-text token
 * (the largest id in each row, so {@code argmax(ids)}) and {@code text_projection} [width, embed].
 */
final class TextTower extends ClipBlock {

    private final ClipConfig.TextConfig cfg;
    private final int embedDim;
    private final EmbeddingBlock tokenEmbedding;
    private final Parameter positionalEmbedding;
    private final TransformerBlock transformer;
    private final LayerNormBlock lnFinal;
    private final Parameter textProjection;
    private final Map<String, NDArray> masks = new ConcurrentHashMap<>();

    TextTower(ClipConfig c) {
        cfg = c.text();
        embedDim = c.embedDim();
        int w = cfg.width();
        tokenEmbedding = addChildBlock("token_embedding", new EmbeddingBlock(cfg.vocabSize(), w));
        positionalEmbedding = param("positional_embedding", cfg.contextLength(), w);
        transformer = addChildBlock(
                "transformer", new TransformerBlock(w, cfg.layers(), cfg.heads(), cfg.mlpWidth(), c.quickGelu()));
        lnFinal = addChildBlock("ln_final", new LayerNormBlock(w));
        textProjection = param("text_projection", w, embedDim);
    }

    /**
     * @param ids token ids [N, L] with L at most the context length, padded with zeros after the end token
     * @return text features [N, embed] (not normalised)
     */
    @Override
    NDArray forward(ParameterStore ps, NDArray ids, boolean training) {
        Shape s = ids.getShape();
        if (s.dimension() != 2 || s.get(1) > cfg.contextLength() || s.get(1) < 1) {
            throw new IllegalArgumentException("expected token ids [N, L <= " + cfg.contextLength() + "], got " + s);
        }
        long len = s.get(1);
        NDArray x = tokenEmbedding.forward(ps, ids, training);
        NDArray pos = value(ps, positionalEmbedding, ids, training).get("0:" + len);
        pos.attach(ids.getManager()); // a view of a parameter: owned by the batch, not by the model
        x = x.add(pos);
        x = transformer.forward(ps, x, causalMask(ids.getDevice(), (int) len, x.getDataType()), training);
        // pool at the end-of-text token (the highest id); a one-hot product keeps the gather differentiable
        NDArray end = ids.argMax(1).toType(DataType.INT64, false).reshape(-1, 1);
        NDArray positions = ids.getManager().arange(0L, len, 1L, DataType.INT64).toDevice(ids.getDevice(), false);
        NDArray onehot = positions
                .reshape(1, len)
                .eq(end)
                .toType(x.getDataType(), false) // the activations' type: fp16 in a half forward
                .expandDims(1);
        NDArray pooled = onehot.matMul(x).squeeze(1);
        return lnFinal.forward(ps, pooled, training).matMul(value(ps, textProjection, ids, training));
    }

    /**
     * Additive mask: 0 on and below the diagonal, -inf above (a token sees only earlier tokens). Built once per
     * device and length and kept with the model's parameters: building it per forward was a host-to-device copy of
     * L x L floats every step. In the activations' type: a float32 mask would promote fp16 scores to float32.
     */
    private NDArray causalMask(Device device, int len, DataType type) {
        return masks.computeIfAbsent(device + "/" + len + "/" + type, k -> {
            float[] m = new float[len * len];
            for (int i = 0; i < len; i++) {
                for (int j = i + 1; j < len; j++) {
                    m[i * len + j] = Float.NEGATIVE_INFINITY;
                }
            }
            // owned by the manager of the model's own parameters, closed with the model
            NDManager owner = positionalEmbedding.getArray().getManager();
            NDArray host = owner.create(m, new Shape(len, len));
            NDArray typed = host.toType(type, false);
            NDArray mask = typed.toDevice(device, false);
            if (mask != typed) {
                mask.attach(owner);
                typed.close();
            }
            if (typed != host) {
                host.close();
            }
            return mask;
        });
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), embedDim)};
    }
}
