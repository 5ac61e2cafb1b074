package org.parrotscope.spark;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.ScoreSchema;
import org.parrotscope.clip.ShardScoreRun;
import org.parrotscope.clip.ShardScorer;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.util.ParquetTable;
import org.parrotscope.util.Progress;

/**
 * {@code spark score}'s work on one shard: the single-machine scoring ({@link ShardScoreRun#parquetRows}) with
 * the executor's shared model ({@link ExecutorModels}), into {@link ScoreSchema} rows.
 *
 * @param model the model folder (absolute, the same path on every executor), vocabulary and device choice
 * @param batch images per forward pass
 * @param threads decoding threads of the task
 * @param embeddings whether the rows carry the embeddings
 */
record ScoreWork(ModelRef model, int batch, int threads, boolean embeddings) implements ShardWork {

    private static final long serialVersionUID = 1L;

    @Override
    public String kind() {
        return "score";
    }

    @Override
    public ParquetTable table() {
        return ScoreSchema.TABLE;
    }

    @Override
    public String settings() {
        return "score " + model.dir() + " " + model.vocab() + " " + batch + " " + embeddings;
    }

    @Override
    public ParquetTable.Rows process(Shard shard, Path work, Configuration conf) throws IOException {
        try (ClipScorer scorer = scorer(model, batch, threads)) {
            return ShardScoreRun.parquetRows(
                    new ShardScorer(scorer, ImageDecoder.defaults()),
                    shard,
                    ScoreSchema.modelName(Path.of(model.dir())),
                    embeddings,
                    new SkipLog(),
                    Progress.silent());
        }
    }

    /** A scorer of this task around the executor's shared model. */
    static ClipScorer scorer(ModelRef model, int batch, int threads) throws IOException {
        return ClipScorer.builder()
                .setModel(ExecutorModels.get(model))
                .setTokenizer(Tokenizers.forModel(
                        Path.of(model.dir()), model.vocab() == null ? null : Path.of(model.vocab())))
                .optBatchSize(batch)
                .optThreads(threads)
                .build();
    }
}
