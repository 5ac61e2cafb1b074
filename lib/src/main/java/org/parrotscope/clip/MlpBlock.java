package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

/** OpenCLIP's transformer MLP: {@code c_fc}, GELU (exact, erf) or QuickGELU, {@code c_proj}. */
final class MlpBlock extends ClipBlock {

    private final boolean quickGelu;
    private final LinearBlock fc;
    private final LinearBlock proj;
    private final GraphScalars quickGeluFactor = new GraphScalars(1.702f);

    MlpBlock(int width, int hidden, boolean quickGelu) {
        this.quickGelu = quickGelu;
        fc = addChildBlock("c_fc", new LinearBlock(width, hidden));
        proj = addChildBlock("c_proj", new LinearBlock(hidden, width));
    }

    @Override
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = fc.forward(ps, x, training);
        // OpenAI's CLIP was trained with QuickGELU, LAION's OpenCLIP models with exact GELU
        h = quickGelu
                ? h.mul(Activation.sigmoid(h.mul(quickGeluFactor.on(h, fc.weightManager()))))
                : Activation.gelu(h);
        return proj.forward(ps, h, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
