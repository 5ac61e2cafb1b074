package org.parrotscope.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One unit of a dataset that is read in one pass: a WebDataset {@code .tar} shard or a folder of images
 * with a captions table. Obtain shards from {@link Datasets#resolve(java.util.List)}.
 */
public interface Shard {

    /** @return the shard file or folder */
    Path path();

    /** @return the file name without {@code .tar} (or the folder name), used to name per-shard outputs */
    String name();

    /**
     * Opens the shard for one streaming pass. Samples come in stored order; bad entries are recorded in
     * {@code skips} and never thrown.
     *
     * @param skips receives skipped samples and warnings
     * @return the stream; close it
     * @throws IOException only when the shard cannot be opened at all (missing, unreadable)
     */
    SampleStream open(SkipLog skips) throws IOException;
}
