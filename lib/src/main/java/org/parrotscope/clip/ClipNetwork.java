package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * OpenCLIP's {@code CLIP} as one DJL block: the image tower under {@code visual.}, the text tower
 * at the top level (as OpenCLIP stores it) and {@code logit_scale}. {@code forward} takes
 * {@code (pixels [N,3,S,S], ids [M,L])} and returns {@code (image features [N,E], text features [M,E],
 * logit scale)}; the features are not normalised. Differentiable: run it inside a
 * {@code GradientCollector} with {@code training = true} to train. Parameters have fixed shapes and
 * no default initializer: obtain a ready network from {@link ClipModel} ({@code load} or {@code create}).
 */
public final class ClipNetwork extends ClipBlock {

    private final ClipConfig config;
    private final VisionTower visual;
    private final TextTower text;
    private final Parameter logitScale;

    /**
     * Declares the blocks and parameters of a configuration (nothing is allocated).
     *
     * @param config the architecture
     */
    public ClipNetwork(ClipConfig config) {
        this.config = config;
        visual = addChildBlock("visual", new VisionTower(config));
        // the text tower's tensors have no prefix in OpenCLIP's state_dict
        text = addChildBlock("", new TextTower(config));
        logitScale = param("logit_scale");
    }

    /** @return the architecture */
    public ClipConfig config() {
        return config;
    }

    /**
     * Image features.
     *
     * @param ps the parameter store
     * @param pixels [N, 3, S, S] preprocessed pixels
     * @param training true when gradients will be taken
     * @return [N, embed] unnormalised features
     */
    public NDArray encodeImages(ParameterStore ps, NDArray pixels, boolean training) {
        return visual.forward(ps, pixels, training);
    }

    /**
     * Text features.
     *
     * @param ps the parameter store
     * @param ids [M, L] token ids (int64), L at most the context length
     * @param training true when gradients will be taken
     * @return [M, embed] unnormalised features
     */
    public NDArray encodeTexts(ParameterStore ps, NDArray ids, boolean training) {
        return text.forward(ps, ids, training);
    }

    /**
     * The learned log temperature; {@code exp(logitScale)} multiplies cosine similarities.
     *
     * @param ps the parameter store
     * @param like an array on the wanted device
     * @param training true when gradients will be taken
     * @return the scalar parameter
     */
    public NDArray logitScale(ParameterStore ps, NDArray like, boolean training) {
        return value(ps, logitScale, like, training);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("expected (pixels, ids), got " + inputs.size() + " arrays");
        }
        NDArray img = encodeImages(ps, inputs.get(0), training);
        NDArray txt = encodeTexts(ps, inputs.get(1), training);
        return new NDList(img, txt, logitScale(ps, img, training));
    }

    @Override
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return encodeImages(ps, x, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {
            new Shape(inputShapes[0].get(0), config.embedDim()),
            new Shape(inputShapes[1].get(0), config.embedDim()),
            new Shape()
        };
    }
}
