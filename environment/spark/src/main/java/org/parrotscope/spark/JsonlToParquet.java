package org.parrotscope.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.parrotscope.data.Shard;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.parrot.SampleSchema;
import org.parrotscope.util.ParquetTable;

/**
 * Turns the single-machine {@code ocr} output (one JSONL file per shard) into the Parquet files of
 * {@code spark ocr}, so DuckDB, pandas or {@code spark stats} read either. Runs on one machine, no Spark job.
 */
public final class JsonlToParquet {

    private JsonlToParquet() {}

    /**
     * Converts every shard that has an OCR file; shards whose Parquet file is complete are skipped.
     *
     * @param shards the shards the OCR ran over
     * @param ocrDir the folder of {@code <shard>.jsonl} files
     * @param out the output folder (path or Hadoop URI)
     * @param conf the Hadoop configuration
     * @return one outcome per shard, in order
     * @throws IOException when a file cannot be written
     */
    public static List<ShardOutcome> convert(
            List<Shard> shards, java.nio.file.Path ocrDir, String out, Configuration conf) throws IOException {
        List<ShardOutcome> outcomes = new ArrayList<>();
        for (Shard shard : shards) {
            long start = System.nanoTime();
            String source = shard.path().toString();
            java.nio.file.Path jsonl = OcrRun.outputOf(ocrDir, shard);
            Path target = ShardParquet.target(new Path(out), shard.name());
            if (!Files.isRegularFile(jsonl)) {
                outcomes.add(new ShardOutcome(
                        shard.name(), source, ShardOutcome.State.FAILED, 0, 0, 0, "no OCR file " + jsonl, 0));
                continue;
            }
            if (ShardParquet.damage(SampleSchema.TABLE, target, conf) == null) {
                outcomes.add(new ShardOutcome(shard.name(), source, ShardOutcome.State.SKIPPED, 0, 0, 0, null, 0));
                continue;
            }
            ParquetTable.Rows c = SampleSchema.rows(shard, jsonl, "unknown");
            ShardParquet.write(SampleSchema.TABLE, target, "convert", c.rows(), conf);
            outcomes.add(new ShardOutcome(
                    shard.name(),
                    source,
                    ShardOutcome.State.DONE,
                    c.rows().size(),
                    c.failed(),
                    c.dropped(),
                    null,
                    (System.nanoTime() - start) / 1e9));
        }
        return outcomes;
    }
}
