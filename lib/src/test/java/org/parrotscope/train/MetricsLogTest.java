package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @Test
    void read_returnsStepAndEvalEntriesInFileOrder(@TempDir Path dir) throws IOException {
        Path f = dir.resolve(MetricsLog.FILE);
        Files.writeString(
                f,
                "{\"step\":1,\"loss\":4.5}\n\n{\"step\":2,\"loss\":4.25}\n{\"step\":2,\"eval\":{\"zeroshot\":{\"top1\":0.125}}}\n",
                StandardCharsets.UTF_8);
        List<JsonObject> e = MetricsLog.read(f);
        assertEquals(3, e.size());
        assertEquals(4.5, e.get(0).get("loss").getAsDouble());
        assertEquals(4.25, e.get(1).get("loss").getAsDouble());
        assertEquals(2, e.get(2).get("step").getAsInt());
        assertEquals(
                0.125,
                e.get(2)
                        .getAsJsonObject("eval")
                        .getAsJsonObject("zeroshot")
                        .get("top1")
                        .getAsDouble());
    }

    @Test
    void read_dropsTornLastLine_ofAKilledRun(@TempDir Path dir) throws IOException {
        Path f = dir.resolve(MetricsLog.FILE);
        Files.writeString(f, "{\"step\":1,\"loss\":4.5}\n{\"step\":2,\"lo", StandardCharsets.UTF_8);
        assertEquals(1, MetricsLog.read(f).size());
    }

    @Test
    void read_readsWhatAppendWrote(@TempDir Path dir) throws IOException {
        MetricsLog log = new MetricsLog(dir, 1);
        JsonObject a = new JsonObject();
        a.addProperty("step", 1);
        a.addProperty("loss", 2.0);
        log.append(a);
        assertEquals(List.of(a), MetricsLog.read(log.file()));
    }

    @Test
    void read_failsNamingFileAndLine_onMalformedMiddleLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve(MetricsLog.FILE);
        Files.writeString(f, "{\"step\":1}\n{\"loss\":3}\n{\"step\":3}\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> MetricsLog.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void read_failsNamingFile_whenMissing(@TempDir Path dir) {
        Path f = dir.resolve("nothing.jsonl");
        IOException e = assertThrows(IOException.class, () -> MetricsLog.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void tables_splitStepAndEvalEntriesByRun(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(
                a,
                "{\"step\":0,\"loss\":4.5,\"lr\":0.001,\"logit_scale\":14.3,\"samples_per_s\":100}\n"
                        + "{\"step\":1,\"loss\":4.0}\n"
                        + "{\"step\":1,\"eval\":{\"zeroshot\":{\"top1\":0.25,\"top5\":0.5}}}\n",
                StandardCharsets.UTF_8);
        Files.writeString(b, "{\"step\":0,\"loss\":5.0}\n", StandardCharsets.UTF_8);
        java.util.Map<String, Path> logs = new java.util.LinkedHashMap<>();
        logs.put("text-only", a);
        logs.put("no-text", b);
        tech.tablesaw.api.Table steps = MetricsLog.toTable(logs);
        assertEquals(List.of("run", "step", "loss", "lr", "logit_scale", "samples_per_s"), steps.columnNames());
        assertEquals(
                List.of("text-only", "text-only", "no-text"),
                steps.stringColumn("run").asList());
        assertEquals(List.of(0, 1, 0), steps.intColumn("step").asList());
        assertEquals(List.of(4.5, 4.0, 5.0), steps.doubleColumn("loss").asList());
        assertEquals(14.3, steps.doubleColumn("logit_scale").get(0));
        assertTrue(steps.doubleColumn("lr").isMissing(1)); // not logged on that line
        tech.tablesaw.api.Table evals = MetricsLog.evalTable(logs);
        assertEquals(1, evals.rowCount());
        assertEquals("text-only", evals.stringColumn("run").get(0));
        assertEquals(1, evals.intColumn("step").get(0));
        assertEquals(0.25, evals.doubleColumn("top1").get(0));
        assertEquals(0.5, evals.doubleColumn("top5").get(0));
        assertThrows(IOException.class, () -> MetricsLog.toTable(java.util.Map.of("x", dir.resolve("none.jsonl"))));
    }
}
