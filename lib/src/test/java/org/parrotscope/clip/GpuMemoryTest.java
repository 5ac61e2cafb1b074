package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.lang.management.MemoryUsage;
import org.junit.jupiter.api.Test;

class GpuMemoryTest {

    @Test
    void cpu_saysThereIsNoGpuNumber() {
        assertEquals("GPU memory: n/a (ran on cpu())", GpuMemory.describe(Device.cpu()));
    }

    @Test
    void gpu_printsUsedAndTotalInMegabytes_orWhyNot() {
        long mb = 1L << 20;
        String line = GpuMemory.describe(Device.gpu(0), d -> new MemoryUsage(-1, 5120 * mb, 40960 * mb, 40960 * mb));
        assertTrue(line.startsWith("GPU memory: 5,120 MB of 40,960 MB in use on gpu(0)"), line);
        String failed = GpuMemory.describe(Device.gpu(1), d -> {
            throw new IllegalStateException("no libcudart");
        });
        assertTrue(failed.contains("unknown on gpu(1)") && failed.contains("no libcudart"), failed);
    }
}
