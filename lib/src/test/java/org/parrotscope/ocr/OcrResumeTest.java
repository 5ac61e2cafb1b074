package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Shard;
import org.parrotscope.util.ShardOutput;

/** Resuming OCR runs: damaged finished outputs are redone, unfinished shards continue from their journal. */
class OcrResumeTest {

    @TempDir
    Path tmp;

    /** Folder shards a, b, c of {@code n} rendered samples each. */
    private List<Shard> shards(int n) throws IOException {
        for (String name : List.of("a", "b", "c")) {
            List<TestShards.Item> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(TestShards.rendered(
                        name + i, TextImage.render(64, 48, TextImage.Background.PLAIN, i, "w" + name + i)));
            }
            TestShards.folder(tmp.resolve("data/" + name), items);
        }
        return Datasets.resolve(List.of(
                tmp.resolve("data/a").toString(),
                tmp.resolve("data/b").toString(),
                tmp.resolve("data/c").toString()));
    }

    private OcrSummary run(List<Shard> shards, Path out) throws IOException {
        return OcrRun.builder()
                .optEngine("oracle")
                .setOut(out)
                .optThreads(2)
                .buildRun()
                .run(shards);
    }

    @Test
    void damagedFinishedOutputs_areRedoneAndIntactOnesKept() throws IOException {
        List<Shard> shards = shards(4);
        Path out = tmp.resolve("ocr");
        run(shards, out);
        String a = Files.readString(out.resolve("a.jsonl"));
        String b = Files.readString(out.resolve("b.jsonl"));
        String c = Files.readString(out.resolve("c.jsonl"));
        assertTrue(Files.isRegularFile(out.resolve("a.jsonl.done")), "completion record written");

        Files.writeString(out.resolve("a.jsonl"), ""); // emptied
        Files.writeString(out.resolve("b.jsonl"), b.substring(0, b.length() / 2)); // truncated mid-line
        OcrSummary s = run(shards, out);

        assertEquals(2, s.shardsWritten(), "a and b redone");
        assertEquals(1, s.shardsAlreadyDone(), "c kept");
        assertEquals(8, s.samples(), "only the redone shards' samples were processed");
        assertEquals(a, Files.readString(out.resolve("a.jsonl")));
        assertEquals(b, Files.readString(out.resolve("b.jsonl")));
        assertEquals(c, Files.readString(out.resolve("c.jsonl")));
    }

    @Test
    void outputWithoutCompletionRecord_isVerifiedLineByLine() throws IOException {
        List<Shard> shards = shards(3);
        Path out = tmp.resolve("ocr");
        run(shards, out);
        String a = Files.readString(out.resolve("a.jsonl"));
        // as an older run left them: no completion records; one file has a corrupt line
        for (String n : List.of("a", "b", "c")) {
            Files.delete(out.resolve(n + ".jsonl.done"));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("a.jsonl")));
        lines.set(1, "{\"key\": \"a1\", \"engine\": \"oracle\", \"words\": [tr");
        Files.write(out.resolve("a.jsonl"), lines);

        OcrSummary s = run(shards, out);
        assertEquals(1, s.shardsWritten());
        assertEquals(a, Files.readString(out.resolve("a.jsonl")));
        assertTrue(Files.isRegularFile(out.resolve("b.jsonl.done")), "verified outputs get a completion record");
    }

    @Test
    void unfinishedShard_continuesFromItsJournal_andDropsATornLine() throws IOException {
        List<Shard> shards = shards(5);
        Path out = tmp.resolve("ocr");
        run(shards, out);
        List<String> a = Files.readAllLines(out.resolve("a.jsonl"), StandardCharsets.UTF_8);
        // what a run killed inside shard a leaves: a journal of its first two records and half of the third
        ShardOutput so = ShardOutput.of(out.resolve("a.jsonl"));
        so.discard();
        Files.writeString(
                so.journal(), a.get(0) + "\n" + a.get(1) + "\n" + a.get(2).substring(0, 20), StandardCharsets.UTF_8);

        OcrSummary s = run(shards, out);
        assertEquals(1, s.shardsWritten());
        assertEquals(3, s.samples(), "two records came from the journal, three were spotted again");
        assertEquals(a, Files.readAllLines(out.resolve("a.jsonl"), StandardCharsets.UTF_8));
        assertTrue(!Files.exists(so.journal()), "journal removed once the shard is finished");
    }

    @Test
    void journalOfAnotherShardContent_isDiscardedAndTheShardRedone() throws IOException {
        List<Shard> shards = shards(3);
        Path out = tmp.resolve("ocr");
        run(shards, out);
        List<String> b = Files.readAllLines(out.resolve("b.jsonl"), StandardCharsets.UTF_8);
        String a = Files.readString(out.resolve("a.jsonl"));
        ShardOutput so = ShardOutput.of(out.resolve("a.jsonl"));
        so.discard();
        Files.writeString(so.journal(), b.get(0) + "\n", StandardCharsets.UTF_8); // keys b0.. are not shard a's

        OcrSummary s = run(shards, out);
        assertEquals(3, s.samples());
        assertEquals(a, Files.readString(out.resolve("a.jsonl")));
    }
}
