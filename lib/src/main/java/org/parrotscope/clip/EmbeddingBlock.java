package org.parrotscope.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** A token lookup table, {@code weight} [vocab, width] as in PyTorch's {@code nn.Embedding}. */
final class EmbeddingBlock extends ClipBlock {

    private final int width;
    private final Parameter weight;

    EmbeddingBlock(int vocab, int width) {
        this.width = width;
        weight = param("weight", vocab, width);
    }

    /**
     * @param ids token ids [N, L] (int64)
     * @return embeddings [N, L, width]
     */
    @Override
    NDArray forward(ParameterStore ps, NDArray ids, boolean training) {
        NDArray idx = ids.getDataType() == DataType.INT64 ? ids : ids.toType(DataType.INT64, false);
        return idx.getNDArrayInternal()
                .embedding(idx, value(ps, weight, ids, training), SparseFormat.DENSE)
                .singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(width)};
    }
}
