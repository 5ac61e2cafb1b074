package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.util.Progress;

class ShardScorerTest {

    @TempDir
    Path tmp;

    /**
     * A dataset folder: the fixture's 4 images (symlinked) with their captions, a corrupt PNG and
     * a row without caption in between.
     */
    static Path datasetFolder(Path dir, String fixture) throws Exception {
        Files.createDirectories(dir);
        List<String> caps = ClipScorerParityTest.captions(fixture);
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            Path img = Fixtures.dir(fixture).resolve("images/img" + i + ".png").toAbsolutePath();
            Files.createSymbolicLink(dir.resolve("img" + i + ".png"), img);
            jsonl.append(org.parrotscope.util.Json.COMPACT.toJson(
                            Map.of("image", "img" + i + ".png", "caption", caps.get(i))))
                    .append('\n');
            if (i == 1) {
                Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
                jsonl.append("{\"image\":\"broken.png\",\"caption\":\"a broken file\"}\n");
            }
        }
        Files.writeString(dir.resolve("captions.jsonl"), jsonl.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void shardWithCorruptImage_scoresTheOthersInOrderAndRecordsTheSkip() throws Exception {
        Path data = datasetFolder(tmp.resolve("shard-a"), Fixtures.GELU);
        List<Shard> shards = Datasets.resolve(List.of(data.toString()));
        float[][] expected = Fixtures.matrix(Fixtures.GELU, "expected.safetensors", "cosine");
        try (ClipModel model = ClipModel.load(Fixtures.dir(Fixtures.GELU));
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(model)
                        .setTokenizer(ClipTokenizer.fromFile(Fixtures.bpe()))
                        .optBatchSize(2)
                        .optThreads(2)
                        .build()) {
            SkipLog skips = new SkipLog();
            List<ShardScorer.Scored> rows = new ArrayList<>();
            List<Progress.State> states = new ArrayList<>();
            try (Progress p = Progress.listen("score", 0, states::add)) {
                new ShardScorer(scorer, ImageDecoder.defaults()).score(shards.get(0), skips, p, rows::add);
                assertEquals(5, p.done());
            }
            assertEquals(
                    List.of("img0", "img1", "img2", "img3"),
                    rows.stream().map(ShardScorer.Scored::key).toList());
            for (int i = 0; i < 4; i++) {
                assertEquals(expected[i][i], rows.get(i).clipScore(), 1.5e-3);
                assertEquals(
                        1.0, ClipMath.dot(rows.get(i).imageEmbed(), rows.get(i).imageEmbed()), 1e-5);
            }
            assertEquals(1, skips.total());
            assertEquals("broken", skips.entries().get(0).key());
            assertEquals(
                    true,
                    skips.entries().get(0).reason().contains("image"),
                    skips.entries().get(0).toString());
            assertEquals(true, states.get(states.size() - 1).finished());
        }
    }

    @Test
    void severalShards_areScoredInOrderWithOneProgress() throws Exception {
        Path a = datasetFolder(tmp.resolve("d/s1"), Fixtures.QUICKGELU);
        Path b = datasetFolder(tmp.resolve("d/s2"), Fixtures.QUICKGELU);
        List<Shard> shards = Datasets.resolve(List.of(b.toString(), a.toString()));
        try (ClipModel model = ClipModel.load(Fixtures.dir(Fixtures.QUICKGELU));
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(model)
                        .setTokenizer(ClipTokenizer.fromFile(Fixtures.bpe()))
                        .optBatchSize(4)
                        .optThreads(1)
                        .build()) {
            SkipLog skips = new SkipLog();
            List<String> seen = new ArrayList<>();
            try (Progress p = Progress.listen("score", 0, s -> {})) {
                new ShardScorer(scorer, ImageDecoder.defaults())
                        .score(shards, skips, p, (shard, row) -> seen.add(shard.name() + "/" + row.key()));
                assertEquals(10, p.done());
            }
            assertEquals(2, skips.total());
            assertEquals(8, seen.size());
            assertEquals(shards.get(0).name() + "/img0", seen.get(0));
            assertEquals(shards.get(1).name() + "/img3", seen.get(7));
        }
    }
}
