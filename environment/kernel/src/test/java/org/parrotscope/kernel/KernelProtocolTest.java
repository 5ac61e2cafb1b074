package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as Jupyter sees it, driven by Debian's jupyter_client: a running cell is interrupted with
 * an interrupt_request (kernelspec interrupt_mode "message"), its output streamed before that, the
 * kernel keeps its variables, and is_complete, complete and inspect answer. (nbconvert/nbclient cannot
 * interrupt a cell mid-run, hence this client.)
 */
class KernelProtocolTest {

    @TempDir
    Path tmp;

    @Test
    void interruptCompletionAndInspection_overTheWire() throws Exception {
        Path jupyter = JupyterSetup.installKernelspec(tmp.resolve("jupyter"), Map.of());
        Path script = tmp.resolve("kernel_client.py");
        try (var in = getClass().getResourceAsStream("/kernel_client.py")) {
            Files.copy(in, script);
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString()).directory(tmp.toFile());
        pb.environment().put("JUPYTER_PATH", jupyter.toString());
        JupyterSetup.Result r = JupyterSetup.run(pb, 300);
        assertEquals(0, r.exitCode(), r.output());
        String line = r.output()
                .lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.output()));
        JsonObject res = JsonParser.parseString(line.substring(7)).getAsJsonObject();
        System.out.println("[kernel protocol] startup " + res.get("startup_seconds") + " s, interrupt answered in "
                + res.get("interrupt_seconds") + " s");

        assertEquals("java", res.get("language").getAsString());
        JsonObject reply = res.getAsJsonObject("interrupted_reply");
        assertEquals("error", reply.get("status").getAsString());
        assertTrue(reply.get("evalue").getAsString().contains("interrupted"), reply.toString());
        String outputs = res.get("interrupted_outputs").toString();
        assertTrue(outputs.contains("started") && !outputs.contains("not reached"), outputs);
        assertEquals("[\"42\"]", res.get("after_interrupt").toString());

        assertEquals("incomplete", res.get("is_complete_open").getAsString());
        assertEquals("complete", res.get("is_complete_done").getAsString());
        JsonObject complete = res.getAsJsonObject("complete");
        boolean substring = false;
        for (JsonElement m : complete.getAsJsonArray("matches")) {
            substring |= m.getAsString().equals("substring(");
        }
        assertTrue(substring, complete.toString());
        // 'String w = "abc"; w.subs': the replaced word starts after "w." at offset 20.
        assertEquals(20, complete.get("start").getAsInt());
        JsonObject inspect = res.getAsJsonObject("inspect");
        assertTrue(inspect.get("found").getAsBoolean());
        assertTrue(inspect.get("text").getAsString().contains("floorMod("), inspect.toString());
    }
}
