package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * OpenCLIP's {@code VisionTransformer} (the {@code visual.} tensors): patch embedding, class token,
 * learned positional embedding, {@code ln_pre}, residual blocks, {@code ln_post} on the class token
 * and the projection {@code proj} [width, embed].
 */
final class VisionTower extends ClipBlock {

    private final ClipConfig.VisionConfig cfg;
    private final int embedDim;
    private final PatchEmbedBlock conv1;
    private final Parameter classEmbedding;
    private final Parameter positionalEmbedding;
    private final LayerNormBlock lnPre;
    private final TransformerBlock transformer;
    private final LayerNormBlock lnPost;
    private final Parameter proj;

    VisionTower(ClipConfig c) {
        cfg = c.vision();
        embedDim = c.embedDim();
        int w = cfg.width();
        conv1 = addChildBlock("conv1", new PatchEmbedBlock(w, cfg.patchSize()));
        classEmbedding = param("class_embedding", w);
        positionalEmbedding = param("positional_embedding", cfg.tokens(), w);
        lnPre = addChildBlock("ln_pre", new LayerNormBlock(w));
        transformer = addChildBlock(
                "transformer", new TransformerBlock(w, cfg.layers(), cfg.heads(), cfg.mlpWidth(), c.quickGelu()));
        lnPost = addChildBlock("ln_post", new LayerNormBlock(w));
        proj = param("proj", w, embedDim);
    }

    /**
     * @param x pixels [N, 3, S, S], normalised as in OpenCLIP's preprocessing
     * @return image features [N, embed] (not normalised)
     */
    @Override
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) != cfg.imageSize() || s.get(3) != cfg.imageSize()) {
            throw new IllegalArgumentException(
                    "expected pixels [N, 3, " + cfg.imageSize() + ", " + cfg.imageSize() + "], got " + s);
        }
        long n = s.get(0);
        int w = cfg.width();
        NDArray patches = conv1.forward(ps, x, training).reshape(n, w, -1).transpose(0, 2, 1);
        NDArray cls = value(ps, classEmbedding, x, training).reshape(1, 1, w);
        cls.attach(x.getManager()); // a view of a parameter: owned by the batch, not by the model
        cls = cls.broadcast(n, 1, w);
        NDArray tokens = NDArrays.concat(new NDList(cls, patches), 1).add(value(ps, positionalEmbedding, x, training));
        tokens = transformer.forward(ps, lnPre.forward(ps, tokens, training), null, training);
        // ln_post is per token, so normalising only the class token equals OpenCLIP's ln_post(x)[:, 0]
        NDArray pooled = lnPost.forward(ps, tokens.get(":, 0, :"), training);
        return pooled.matMul(value(ps, proj, x, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), embedDim)};
    }
}
