package org.parrotscope.train;

import java.util.Iterator;

/**
 * A source of training batches, in step order, prepared ahead of the optimizer: {@link BatchLoader} (samples in
 * memory) or {@link StreamingBatchLoader} (shards streamed through a shuffle buffer).
 */
public interface TrainLoader extends Iterator<TrainBatch>, AutoCloseable {

    /** @return images that could not be decoded so far (skipped and counted) */
    int skipped();

    /** Stops the loading threads. */
    @Override
    void close();
}
