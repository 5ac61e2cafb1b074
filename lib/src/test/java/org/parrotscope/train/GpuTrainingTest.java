package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parrotscope.clip.ClipConfig;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ComputeDevice;

/**
 * Training on GPUs against the CPU (issue 15). Excluded by default (surefire {@code excludedGroups=gpu}); runs under
 * {@code mvn -Pcuda test -pl lib} on a machine with the CUDA libtorch. Never run: no machine of ours has a GPU.
 */
@Tag("gpu")
class GpuTrainingTest {

    private static final int STEPS = 20;
    private static final int BATCH = 8;

    private static StepRunnerTest.Run train(Device modelDevice, List<Device> devices) throws Exception {
        ClipConfig c = StepRunnerTest.tiny();
        List<Double> losses = new java.util.ArrayList<>();
        List<Double> norms = new java.util.ArrayList<>();
        try (ClipModel model = ClipModel.create(c, 11, modelDevice);
                StepRunner runner =
                        new StepRunner(model, StepRunnerTest.adamw(), 1f, BATCH, StepRunnerTest.CTX, devices)) {
            for (int s = 0; s < STEPS; s++) {
                losses.add(StepRunnerTest.step(runner, c, StepRunnerTest.Batch.random(c, BATCH, 100 + s), BATCH));
                norms.add(runner.lastGradNorm());
            }
            return new StepRunnerTest.Run(losses, norms, model.stateDict());
        }
    }

    private static int gpus() {
        assumeTrue(
                ComputeDevice.problems(
                                new ComputeDevice.Choice(ComputeDevice.Kind.GPU, 1),
                                ComputeDevice.Probe.ofThisMachine())
                        .isEmpty(),
                "no usable GPU");
        return Engine.getEngine(ClipModel.ENGINE).getGpuCount();
    }

    @Test
    void gpuLosses_equalCpuLosses_over20Steps() throws Exception {
        gpus();
        StepRunnerTest.Run cpu = train(Device.cpu(), List.of(Device.cpu()));
        StepRunnerTest.Run gpu = train(Device.gpu(0), List.of(Device.gpu(0)));
        for (int s = 0; s < STEPS; s++) {
            assertEquals(cpu.losses().get(s), gpu.losses().get(s), 1e-3, "loss of step " + s);
        }
    }

    @Test
    void twoGpus_equalOneGpu() throws Exception {
        assumeTrue(gpus() >= 2, "needs two GPUs");
        StepRunnerTest.Run one = train(Device.gpu(0), List.of(Device.gpu(0)));
        StepRunnerTest.Run two = train(Device.gpu(0), List.of(Device.gpu(0), Device.gpu(1)));
        for (int s = 0; s < STEPS; s++) {
            assertEquals(one.losses().get(s), two.losses().get(s), 1e-4, "loss of step " + s);
        }
        for (Map.Entry<String, float[]> e : one.weights().entrySet()) {
            float[] a = e.getValue();
            float[] b = two.weights().get(e.getKey());
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-4f, e.getKey() + "[" + i + "]");
            }
        }
    }
}
