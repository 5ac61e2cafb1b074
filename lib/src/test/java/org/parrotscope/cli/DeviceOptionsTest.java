package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --device}/{@code --gpus} on the model commands, on this CPU-only machine. */
class DeviceOptionsTest {

    private record Result(int rc, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    @Test
    void everyModelCommand_offersTheSwitch() {
        for (String[] cmd :
                new String[][] {{"train"}, {"score"}, {"embed"}, {"eval"}, {"bench", "train"}, {"bench", "clip"}}) {
            CommandLine c = ParrotScope.commandLine();
            for (String s : cmd) {
                c = c.getSubcommands().get(s);
            }
            assertTrue(c.getCommandSpec().findOption("--device") != null, String.join(" ", cmd));
            assertTrue(c.getCommandSpec().findOption("--gpus") != null, String.join(" ", cmd));
        }
    }

    @Test
    void gpuWithoutAUsableGpu_failsNamingTheMissingPieces() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                org.parrotscope.clip.ComputeDevice.Probe.ofThisMachine().cudaLibtorch(), "CUDA libtorch loaded");
        Result r = run("bench", "train", "--device", "gpu", "--preset", "tiny", "--batch", "2", "--steps", "1");
        assertNotEquals(0, r.rc());
        assertTrue(r.err().contains("no CPU fallback"), r.err());
        assertTrue(r.err().contains("CPU build"), r.err());
        assertEquals("", r.out(), "nothing may run");
    }

    @Test
    void gpusWithoutGpuDevice_isRefused() {
        Result r = run("bench", "train", "--device", "cpu", "--gpus", "2", "--preset", "tiny");
        assertNotEquals(0, r.rc());
        assertTrue(r.err().contains("--gpus 2 needs --device gpu"), r.err());
    }

    @Test
    void cpu_isPrintedAtStart() {
        Result r = run(
                "bench",
                "train",
                "--device",
                "cpu",
                "--preset",
                "tiny",
                "--batch",
                "2",
                "--warmup",
                "0",
                "--steps",
                "1");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.err().startsWith("device: cpu [cpu()], PyTorch "), r.err());
    }
}
