package org.parrotscope.parrot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.parrotscope.data.Shard;
import org.parrotscope.util.Progress;

/**
 * The parrot statistics of a dataset on disk together with the account of what could not be joined: the entry
 * point for notebooks and the {@code stats} command.
 *
 * <pre>{@code
 * DatasetStats d = DatasetStats.compute(Datasets.resolve(List.of("data-samples/mini-laion/*.tar")),
 *         Path.of("runs/ocr-ppocr"), StatsConfig.defaults(), Progress.silent());
 * d.stats().table1(Matching.EXACT);   // Table 1, exact matching
 * d.stats().split();                  // Fig. 3a pie as a table
 * }</pre>
 *
 * @param stats the statistics of the joined images
 * @param join what was joined and what was left out
 */
public record DatasetStats(ParrotStats stats, JoinReport join) {

    /** Validates the fields. */
    public DatasetStats {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(join, "join");
    }

    /**
     * Joins shards with their OCR files and computes the statistics.
     *
     * @param shards the shards
     * @param ocrDir the folder with {@code <shard name>.jsonl} per shard
     * @param config the settings
     * @param progress advanced once per sample
     * @return the statistics and the join report
     * @throws IOException when a shard or OCR file cannot be opened at all
     */
    public static DatasetStats compute(List<Shard> shards, Path ocrDir, StatsConfig config, Progress progress)
            throws IOException {
        ParrotStatsBuilder builder = new ParrotStatsBuilder(config);
        JoinReport join = CaptionOcrJoin.run(shards, ocrDir, builder::add, progress);
        return new DatasetStats(builder.build(), join);
    }
}
