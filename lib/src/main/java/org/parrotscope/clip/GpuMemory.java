package org.parrotscope.clip;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.function.Function;

/**
 * GPU memory as the benchmarks print it. DJL 0.36 reports only what CUDA's {@code cudaMemGetInfo} sees ({@link
 * CudaUtils#getGpuMemory}): memory in use on the whole device (every process, PyTorch's cached blocks included),
 * not PyTorch's peak allocation, which DJL does not expose. Read after the timed work, it is an upper bound of what the
 * run needed at that moment.
 */
public final class GpuMemory {

    private GpuMemory() {}

    /**
     * @param device the device the work ran on
     * @return e.g. {@code "GPU memory: 5,120 MB of 40,960 MB in use on gpu(0) (cudaMemGetInfo: ...)"}, or the reason
     *     there is no number
     */
    public static String describe(Device device) {
        return describe(device, CudaUtils::getGpuMemory);
    }

    /**
     * The line with a given probe (a test seam: no GPU exists where the tests run).
     *
     * @param device the device
     * @param probe reads the device's memory; may throw when CUDA is missing
     * @return the line
     */
    static String describe(Device device, Function<Device, MemoryUsage> probe) {
        if (!device.isGpu()) {
            return "GPU memory: n/a (ran on " + device + ")";
        }
        MemoryUsage m;
        try {
            m = probe.apply(device);
        } catch (RuntimeException | LinkageError e) {
            return "GPU memory: unknown on " + device + " (CUDA's memory query failed: " + e.getMessage() + ")";
        }
        if (m == null) {
            return "GPU memory: unknown on " + device + " (CUDA's memory query returned nothing)";
        }
        return String.format(
                Locale.ROOT,
                "GPU memory: %,d MB of %,d MB in use on %s (whole device, PyTorch's cache included; DJL reports no"
                        + " peak allocation)",
                m.getUsed() >> 20,
                m.getMax() >> 20,
                device);
    }
}
