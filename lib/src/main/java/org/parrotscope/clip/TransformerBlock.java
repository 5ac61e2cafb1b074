package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of residual attention blocks, named {@code resblocks.0 ... resblocks.N-1} as in OpenCLIP's
 * {@code Transformer} (the numbered blocks live in a child container called {@code resblocks}).
 */
final class TransformerBlock extends ClipBlock {

    private final List<ResidualBlock> blocks = new ArrayList<>();

    TransformerBlock(int width, int layers, int heads, int mlpWidth, boolean quickGelu) {
        Stack stack = addChildBlock("resblocks", new Stack());
        for (int i = 0; i < layers; i++) {
            blocks.add(stack.add(i, new ResidualBlock(width, heads, mlpWidth, quickGelu)));
        }
    }

    @Override
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return forward(ps, x, null, training);
    }

    NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        for (ResidualBlock b : blocks) {
            x = b.forward(ps, x, mask, training);
        }
        return x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** The {@code resblocks} container: children named by their index. */
    static final class Stack extends ClipBlock {
        ResidualBlock add(int index, ResidualBlock b) {
            return addChildBlock(Integer.toString(index), b);
        }

        /** Runs the blocks in order without a mask (the image tower's use). */
        @Override
        NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            for (var child : getChildren().values()) {
                x = ((ResidualBlock) child).forward(ps, x, null, training);
            }
            return x;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
