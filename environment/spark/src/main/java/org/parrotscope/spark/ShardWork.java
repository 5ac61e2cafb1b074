package org.parrotscope.spark;

import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.parrotscope.data.Shard;
import org.parrotscope.util.ParquetTable;

/**
 * What a per-shard job does with one shard on an executor ({@code spark ocr}, {@code score}, {@code ablate}); the
 * rest (skip finished files, redo damaged ones, lock against a speculative duplicate, copy a remote shard, write
 * the Parquet file atomically, report failures) is {@link ShardTask}'s, the same for every job.
 */
interface ShardWork extends Serializable {

    /** @return the job's name: {@code ocr}, {@code score}, {@code ablate} */
    String kind();

    /** @return the table the job writes */
    ParquetTable table();

    /** @return the settings that change the output, part of the name of the executor-local work folder */
    String settings();

    /**
     * Turns one local shard into its rows.
     *
     * @param shard the shard, on the executor's disk
     * @param work an executor-local folder for this shard and attempt, emptied after success
     * @param conf the Hadoop settings (to read side inputs on remote filesystems)
     * @return the rows, in shard order
     * @throws IOException when the shard or a side input cannot be read
     */
    ParquetTable.Rows process(Shard shard, java.nio.file.Path work, Configuration conf) throws IOException;
}
