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
}
