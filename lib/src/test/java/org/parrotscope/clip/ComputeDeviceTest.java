package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The device switch without a GPU: every way a GPU request can fail is fed in as a {@link ComputeDevice.Probe} (the
 * seam), and on this CPU-only machine a real GPU request must fail rather than fall back.
 */
class ComputeDeviceTest {

    private static final ComputeDevice.Choice GPU1 = new ComputeDevice.Choice(ComputeDevice.Kind.GPU, 1);
    private static final ComputeDevice.Probe READY = new ComputeDevice.Probe(2, true, true, "cu128", "2.7.1");

    @AfterEach
    void forget() {
        ComputeDevice.reset();
    }

    @Test
    void parse_acceptsTheDocumentedForms() {
        assertEquals(GPU1, ComputeDevice.Choice.parse(" GPU ", "x"));
        assertEquals(new ComputeDevice.Choice(ComputeDevice.Kind.GPU, 3), ComputeDevice.Choice.parse("gpu:3", "x"));
        assertEquals(
                ComputeDevice.Kind.CPU, ComputeDevice.Choice.parse("cpu", "x").kind());
        assertEquals(
                ComputeDevice.Kind.AUTO, ComputeDevice.Choice.parse("auto", "x").kind());
        var e = assertThrows(
                IllegalArgumentException.class, () -> ComputeDevice.Choice.parse("cuda", "PARROTSCOPE_DEVICE"));
        assertTrue(e.getMessage().startsWith("PARROTSCOPE_DEVICE: expected cpu, gpu, gpu:N or auto"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ComputeDevice.Choice(ComputeDevice.Kind.CPU, 2));
        assertThrows(IllegalArgumentException.class, () -> new ComputeDevice.Choice(ComputeDevice.Kind.GPU, 0));
    }

    @Test
    void problems_nameEachMissingPiece() {
        assertEquals(List.of(), ComputeDevice.problems(GPU1, READY));
        assertEquals(List.of(), ComputeDevice.problems(new ComputeDevice.Choice(ComputeDevice.Kind.GPU, 2), READY));
        // CPU and auto never need a probe
        assertEquals(List.of(), ComputeDevice.problems(new ComputeDevice.Choice(ComputeDevice.Kind.CPU, 1), null));

        List<String> cpuBuild = ComputeDevice.problems(GPU1, new ComputeDevice.Probe(1, true, false, null, "2.7.1"));
        assertEquals(1, cpuBuild.size(), cpuBuild.toString());
        assertTrue(cpuBuild.get(0).contains("CPU build") && cpuBuild.get(0).contains("-Pcuda"), cpuBuild.get(0));

        List<String> flavour = ComputeDevice.problems(GPU1, new ComputeDevice.Probe(1, true, true, "cu12x", "2.7.1"));
        assertEquals(1, flavour.size(), flavour.toString());
        assertTrue(flavour.get(0).contains("'cu12x'") && flavour.get(0).contains("'cu128'"), flavour.get(0));

        List<String> noRuntime =
                ComputeDevice.problems(GPU1, new ComputeDevice.Probe(0, false, true, "cu128", "2.7.1"));
        assertEquals(2, noRuntime.size(), noRuntime.toString());
        assertTrue(noRuntime.get(0).contains("libcudart"), noRuntime.get(0));
        assertTrue(noRuntime.get(1).contains("no GPU visible"), noRuntime.get(1));

        List<String> tooFew = ComputeDevice.problems(new ComputeDevice.Choice(ComputeDevice.Kind.GPU, 4), READY);
        assertEquals(List.of("--gpus 4 asked but only 2 GPU(s) visible"), tooFew);
    }

    @Test
    void gpuOnThisCpuOnlyMachine_failsInsteadOfFallingBack() {
        ComputeDevice.Probe here = ComputeDevice.Probe.ofThisMachine();
        org.junit.jupiter.api.Assumptions.assumeFalse(
                here.cudaLibtorch() && here.gpuCount() > 0, "a usable GPU is present");
        var e = assertThrows(IllegalStateException.class, () -> ComputeDevice.select(GPU1));
        assertTrue(e.getMessage().contains("no CPU fallback"), e.getMessage());
        // the failed request selected nothing; an explicit cpu choice runs on the CPU
        assertTrue(ComputeDevice.select(new ComputeDevice.Choice(ComputeDevice.Kind.CPU, 1))
                .startsWith("device: cpu [cpu()]"));
        assertEquals(List.of(Device.cpu()), ComputeDevice.trainingDevices());
    }
}
