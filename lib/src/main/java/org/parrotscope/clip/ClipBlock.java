package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Base of the CLIP blocks: every parameter has a fixed shape known at construction (so the
 * architecture can be inspected without allocating), child blocks are initialised with the
 * parent's input shapes, and parameters are named as in OpenCLIP's modules so that
 * {@link StateDict} can rebuild the {@code state_dict} names.
 */
abstract class ClipBlock extends AbstractBlock {

    /**
     * Declares a parameter of a fixed shape. Its values come from the initializer that
     * {@link ClipModel} sets (loaded weights or OpenCLIP's random init).
     */
    protected final Parameter param(String name, long... shape) {
        return addParameter(Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(shape))
                .build());
    }

    /** Reads a parameter's value on the device of {@code like}. */
    protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    /**
     * The block's function of one array.
     *
     * @param ps the parameter store
     * @param x the input
     * @param training true when gradients will be taken
     * @return the output
     */
    abstract NDArray forward(ParameterStore ps, NDArray x, boolean training);
}
