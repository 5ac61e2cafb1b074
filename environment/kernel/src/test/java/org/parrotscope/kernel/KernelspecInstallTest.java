package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** environment/bootstrap.d/20-kernel.sh writes IJava's kernelspec shape, and a second run changes nothing. */
class KernelspecInstallTest {

    @TempDir
    Path tmp;

    @Test
    void installIsIdempotent_andNamesJavaWithMessageInterrupts() throws Exception {
        Path root = JupyterSetup.root();
        // The script installs what `mvn install` built (bootstrap runs it first); a bare `mvn test`
        // does not package, so there may be nothing to install yet.
        assumeTrue(
                Files.isDirectory(root.resolve("lib/target/lib"))
                        && Files.isDirectory(root.resolve("environment/kernel/target/lib")),
                "packaged build present");
        Path dir = tmp.resolve("kernels/java");
        ProcessBuilder pb = new ProcessBuilder(
                "bash", root.resolve("environment/bootstrap.d/20-kernel.sh").toString());
        pb.environment().put("PARROTSCOPE_KERNELSPEC_DIR", dir.toString());
        JupyterSetup.Result first = JupyterSetup.run(pb, 60);
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("installed"), first.output());
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json")))
                .getAsJsonObject();
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("true", spec.getAsJsonObject("env").get("DJL_OFFLINE").getAsString());
        assertEquals(
                String.valueOf(Runtime.getRuntime().availableProcessors()),
                spec.getAsJsonObject("env").get("OMP_THREAD_LIMIT").getAsString());
        List<String> argv = spec.getAsJsonArray("argv").asList().stream()
                .map(e -> e.getAsString())
                .toList();
        assertTrue(Path.of(argv.get(0)).isAbsolute(), argv.get(0));
        assertTrue(argv.contains("org.parrotscope.kernel.ParrotKernel"));
        assertEquals("{connection_file}", argv.get(argv.size() - 1));
        JupyterSetup.Result second = JupyterSetup.run(pb, 60);
        assertEquals(0, second.exitCode());
        assertEquals("", second.output().strip(), "nothing to do the second time");
    }
}
