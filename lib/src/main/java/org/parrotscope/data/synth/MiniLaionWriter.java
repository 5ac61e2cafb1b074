package org.parrotscope.data.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.parrotscope.data.ShardWriter;
import org.parrotscope.util.Progress;

/**
 * Writes a mini-LAION data set as WebDataset shards {@code 00000.tar, 00001.tar, ...} (img2dataset's layout).
 * Samples of a shard are generated in parallel and written in index order, so the output does not depend on
 * the number of threads. Each shard appears atomically, and a run can be repeated over a partial output.
 */
public final class MiniLaionWriter {

    private MiniLaionWriter() {}

    /**
     * @param shard the shard number
     * @return its file name, five digits: {@code 00042.tar}
     */
    public static String shardName(long shard) {
        return String.format("%05d.tar", shard);
    }

    /**
     * Generates and writes every shard.
     *
     * @param generator the generator (its config gives the sample count and shard size)
     * @param dir the output folder
     * @param progress advanced once per sample
     * @return the ground-truth statistics of everything written
     * @throws IOException when a shard cannot be written
     */
    public static GroundTruthStats write(MiniLaion generator, Path dir, Progress progress) throws IOException {
        SynthConfig c = generator.config();
        GroundTruthStats.Accumulator stats = new GroundTruthStats.Accumulator();
        for (long shard = 0; shard < c.shards(); shard++) {
            long from = shard * c.shardSize();
            long to = Math.min(c.samples(), from + c.shardSize());
            List<MiniLaion.Generated> samples = LongStream.range(from, to).parallel().mapToObj(i -> {
                MiniLaion.Generated g = generator.generate(i);
                progress.advance(1);
                return g;
            }).toList();
            try (ShardWriter w = ShardWriter.open(dir.resolve(shardName(shard)))) {
                for (MiniLaion.Generated g : samples) {
                    w.write(g.sample());
                    stats.add(g.sample().caption(), g.truth());
                }
            }
        }
        return stats.stats();
    }
}
