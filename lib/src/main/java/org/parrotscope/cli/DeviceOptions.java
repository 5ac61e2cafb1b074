package org.parrotscope.cli;

import java.io.PrintWriter;
import org.parrotscope.clip.ComputeDevice;
import picocli.CommandLine.Option;

/**
 * {@code --device cpu|gpu|auto} and {@code --gpus N}, shared by every command that creates a CLIP model (and the
 * Spark jobs {@code spark score} and {@code spark ablate}). Without
 * them the choice comes from {@value ComputeDevice#ENV}, else auto. A GPU request that cannot be met fails with the
 * missing pieces listed (issue 15: DJL itself falls back to the CPU and says so only at DEBUG level).
 */
public final class DeviceOptions {

    @Option(
            names = "--device",
            paramLabel = "cpu|gpu|auto",
            description = "Device for the model (default: $" + ComputeDevice.ENV + ", else auto = GPU 0 when DJL"
                    + " sees one, else the CPU). gpu fails instead of falling back to the CPU.")
    String device;

    @Option(
            names = "--gpus",
            paramLabel = "N",
            description =
                    "GPUs for data-parallel training (needs --device gpu; default 1). The batch must divide by N.")
    Integer gpus;

    /**
     * Selects the device and prints it as the first line on {@code err}.
     *
     * @param err where the line goes (stderr, so that JSON on stdout stays clean)
     * @return the selected choice
     */
    public ComputeDevice.Choice apply(PrintWriter err) {
        ComputeDevice.Choice c = choice();
        err.println(ComputeDevice.select(c));
        err.flush();
        return c;
    }

    /** @return the choice of the options, else of the environment */
    public ComputeDevice.Choice choice() {
        ComputeDevice.Choice base =
                device == null ? ComputeDevice.current() : ComputeDevice.Choice.parse(device, "--device");
        return gpus == null ? base : new ComputeDevice.Choice(base.kind(), gpus);
    }
}
