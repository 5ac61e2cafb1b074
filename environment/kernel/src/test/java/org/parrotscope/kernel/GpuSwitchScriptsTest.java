package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-step GPU switch of the scripts (lib/README.md "GPU"): {@code PARROTSCOPE_DEVICE=gpu} or {@code --device
 * gpu} gives DJL the exact CUDA flavour and PyTorch the TF32 override, for the launcher and the kernelspec alike,
 * without touching a CPU run. Nothing here needs a GPU: the scripts only set the environment.
 */
class GpuSwitchScriptsTest {

    private static final List<String> GPU_VARS =
            List.of("PARROTSCOPE_DEVICE", "PYTORCH_FLAVOR", "TORCH_ALLOW_TF32_CUBLAS_OVERRIDE", "PYTORCH_LIBRARY_PATH");

    @TempDir
    Path tmp;

    /** Sources env.sh with the given arguments and environment; prints the GPU variables as a|b|c. */
    private static String envAfter(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                "bash",
                "-c",
                ". \"$0\" \"$@\"; printf '%s|%s|%s' \"${PARROTSCOPE_DEVICE:-}\" \"${PYTORCH_FLAVOR:-}\""
                        + " \"${TORCH_ALLOW_TF32_CUBLAS_OVERRIDE:-}\"",
                JupyterSetup.root().resolve("environment/env.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        GPU_VARS.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        JupyterSetup.Result r = JupyterSetup.run(pb, 30);
        assertEquals(0, r.exitCode(), r.output());
        return r.output().strip();
    }

    @Test
    void envSh_setsTheCudaFlavourAndTf32_onlyForGpuRuns() throws Exception {
        assertEquals("gpu|cu128|1", envAfter(Map.of(), "train", "--device", "gpu", "--steps", "3"));
        assertEquals("gpu|cu128|1", envAfter(Map.of(), "bench", "train", "--device=gpu"));
        assertEquals("gpu:1|cu128|1", envAfter(Map.of("PARROTSCOPE_DEVICE", "gpu:1")));
        // a CPU run, and a word "gpu" that is not the --device value, change nothing
        assertEquals("||", envAfter(Map.of(), "train", "--device", "cpu"));
        assertEquals("||", envAfter(Map.of(), "eval", "--model", "gpu"));
        assertEquals("cpu||", envAfter(Map.of("PARROTSCOPE_DEVICE", "cpu")));
        // values the user set win (ComputeDevice then names a wrong flavour at start)
        assertEquals(
                "gpu|cu999|0",
                envAfter(Map.of("PYTORCH_FLAVOR", "cu999", "TORCH_ALLOW_TF32_CUBLAS_OVERRIDE", "0"), "--device=gpu"));
    }

    @Test
    void bootstrap_refusesUnknownArguments_beforeInstallingAnything() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                "bash", JupyterSetup.root().resolve("environment/bootstrap").toString(), "--gpu");
        JupyterSetup.Result r = JupyterSetup.run(pb, 30);
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("usage: environment/bootstrap [--cuda|--cpu]"), r.output());
        assertFalse(r.output().contains("[bootstrap]"), r.output());
    }

    @Test
    void kernelspec_carriesTheGpuEnvironment_whenBootstrappedForAGpu() throws Exception {
        Path root = JupyterSetup.root();
        assumeTrue(
                Files.isDirectory(root.resolve("lib/target/lib"))
                        && Files.isDirectory(root.resolve("environment/kernel/target/lib")),
                "packaged build present");
        Path dir = tmp.resolve("kernels/java");
        ProcessBuilder pb = new ProcessBuilder(
                "bash", root.resolve("environment/bootstrap.d/20-kernel.sh").toString());
        GPU_VARS.forEach(pb.environment()::remove);
        pb.environment().put("PARROTSCOPE_KERNELSPEC_DIR", dir.toString());
        pb.environment().put("PARROTSCOPE_DEVICE", "gpu:1");
        pb.environment().put("PYTORCH_LIBRARY_PATH", "/opt/libtorch/lib");
        JupyterSetup.Result r = JupyterSetup.run(pb, 60);
        assertEquals(0, r.exitCode(), r.output());
        JsonObject env = JsonParser.parseString(Files.readString(dir.resolve("kernel.json")))
                .getAsJsonObject()
                .getAsJsonObject("env");
        assertEquals("gpu:1", env.get("PARROTSCOPE_DEVICE").getAsString());
        assertEquals("cu128", env.get("PYTORCH_FLAVOR").getAsString());
        assertEquals("1", env.get("TORCH_ALLOW_TF32_CUBLAS_OVERRIDE").getAsString());
        assertEquals("/opt/libtorch/lib", env.get("PYTORCH_LIBRARY_PATH").getAsString());
        assertEquals("true", env.get("DJL_OFFLINE").getAsString());
    }
}
