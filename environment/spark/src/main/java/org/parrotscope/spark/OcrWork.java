package org.parrotscope.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.parrotscope.data.Shard;
import org.parrotscope.ocr.OcrRun;
import org.parrotscope.parrot.SampleSchema;
import org.parrotscope.util.ParquetTable;

/**
 * {@code spark ocr}'s work on one shard: the single-machine {@link OcrRun} into the work folder (so a task retried
 * on the same machine resumes inside the shard from its journal) with the executor's shared engine, then the
 * {@link SampleSchema} rows.
 *
 * @param engine the OCR engine name
 * @param threads OCR threads of the task (match {@code spark.task.cpus})
 */
record OcrWork(String engine, int threads) implements ShardWork {

    private static final long serialVersionUID = 1L;

    @Override
    public String kind() {
        return "ocr";
    }

    @Override
    public ParquetTable table() {
        return SampleSchema.TABLE;
    }

    @Override
    public String settings() {
        return "ocr " + engine;
    }

    @Override
    public ParquetTable.Rows process(Shard shard, Path work, Configuration conf) throws IOException {
        Path ocrDir = work.resolve("ocr");
        OcrRun.of(OcrRun.builder()
                        .optEngine(engine)
                        .optThreads(threads)
                        .setOut(ocrDir)
                        .build())
                .run(List.of(shard), ExecutorSpotters.get(engine));
        return SampleSchema.rows(shard, OcrRun.outputOf(ocrDir, shard), engine);
    }
}
