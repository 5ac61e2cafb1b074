package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.util.Progress;

class ShardScoreRunTest {

    @TempDir
    Path tmp;

    @Test
    void scoreFiles_csvQuotesKeysAsRfc4180AndJsonlHasOneObjectALine() throws Exception {
        List<ShardScorer.Scored> rows = List.of(
                new ShardScorer.Scored("plain", 0.25f, new float[0], new float[0]),
                new ShardScorer.Scored("a,\"b\"", -0.5f, new float[0], new float[0]));
        Path csv = tmp.resolve("s.csv");
        ShardScoreRun.writeScores(csv, rows, ShardScoreRun.Format.CSV);
        assertEquals(List.of("key,clip_score", "plain,0.250000", "\"a,\"\"b\"\"\",-0.500000"), Files.readAllLines(csv));
        Path jsonl = tmp.resolve("s.jsonl");
        ShardScoreRun.writeScores(jsonl, rows, ShardScoreRun.Format.JSONL);
        assertEquals(
                List.of("{\"key\":\"plain\",\"clip_score\":0.25}", "{\"key\":\"a,\\\"b\\\"\",\"clip_score\":-0.5}"),
                Files.readAllLines(jsonl));
        assertEquals(ShardScoreRun.Format.JSONL, ShardScoreRun.Format.parse("JSONL"));
        assertThrows(IllegalArgumentException.class, () -> ShardScoreRun.Format.parse("tsv"));
    }

    @Test
    void score_writesTheShardsFilesThenResumesIt() throws Exception {
        Path data = ShardScorerTest.datasetFolder(tmp.resolve("shard-3"), Fixtures.QUICKGELU);
        Shard shard = Datasets.resolve(List.of(data.toString())).get(0);
        float[][] expected = Fixtures.matrix(Fixtures.QUICKGELU, "expected.safetensors", "cosine");
        Path out = Files.createDirectories(tmp.resolve("out"));
        try (ClipModel model = ClipModel.load(Fixtures.dir(Fixtures.QUICKGELU));
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(model)
                        .setTokenizer(ClipTokenizer.fromFile(Fixtures.bpe()))
                        .optBatchSize(3)
                        .build()) {
            ShardScoreRun run = new ShardScoreRun(scorer, out, ShardScoreRun.Format.CSV, true, t -> Progress.silent());
            ShardScoreRun.ShardResult r = run.score(shard);
            assertFalse(r.resumed());
            assertEquals(4, r.scored());
            assertEquals(1, r.skips().total());
            List<String> lines = Files.readAllLines(out.resolve("shard-3.csv"));
            for (int i = 0; i < 4; i++) {
                String[] kv = lines.get(i + 1).split(",");
                assertEquals("img" + i, kv[0]);
                assertEquals(expected[i][i], Float.parseFloat(kv[1]), 1.5e-3);
            }
            assertTrue(Files.exists(out.resolve("shard-3.embeddings.safetensors")));
            assertEquals(
                    1, Files.readAllLines(out.resolve("shard-3.skipped.jsonl")).size());
            ShardScoreRun.ShardResult again = run.score(shard);
            assertTrue(again.resumed());
            assertEquals(0, again.scored());
        }
    }
}
