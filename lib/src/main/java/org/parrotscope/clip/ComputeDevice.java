package org.parrotscope.clip;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one switch between CPU and GPU for every model this process creates ({@link ClipModel}) and every training
 * run ({@link #trainingDevices()}): {@code cpu}, {@code gpu} (with a number of GPUs for data-parallel training) or
 * {@code auto} (DJL's default: the first GPU when DJL sees one, else the CPU). The choice comes from
 * {@link #select(Choice)} (the CLI's {@code --device}/{@code --gpus}) or else from the environment variable
 * {@value #ENV} ({@code gpu}, {@code gpu:N}, {@code cpu} or {@code auto}, also read by notebooks and the kernel).
 *
 * <p>Asking for a GPU where none can be used fails with an error naming the missing piece: DJL silently runs on the
 * CPU when the CPU libtorch is loaded (the default {@code pytorch-native-cpu} jar), when the system has no
 * {@code libcudart}, or when the driver reports no GPU, and says so only at DEBUG level.
 */
public final class ComputeDevice {

    /** Environment variable holding the default choice. */
    public static final String ENV = "PARROTSCOPE_DEVICE";

    /** The libtorch flavour DJL 0.36 needs for PyTorch 2.7.1 on CUDA 12.x; other values load the CPU build. */
    public static final String CUDA_FLAVOR = "cu128";

    private static volatile Choice selected;

    private ComputeDevice() {}

    /** What the user asked for. */
    public enum Kind {
        /** The CPU, whatever GPUs exist. */
        CPU,
        /** GPUs, failing when none can be used. */
        GPU,
        /** DJL's default device: GPU 0 when DJL sees one, else the CPU. */
        AUTO
    }

    /**
     * A device choice.
     *
     * @param kind cpu, gpu or auto
     * @param gpus GPUs for training (1 unless asked; only with {@link Kind#GPU})
     */
    public record Choice(Kind kind, int gpus) {
        /** Validates the GPU count. */
        public Choice {
            if (gpus < 1) {
                throw new IllegalArgumentException("--gpus must be at least 1, got " + gpus);
            }
            if (kind != Kind.GPU && gpus != 1) {
                throw new IllegalArgumentException("--gpus " + gpus + " needs --device gpu (device is "
                        + kind.name().toLowerCase(Locale.ROOT) + ")");
            }
        }

        /**
         * Parses {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto} (case-insensitive).
         *
         * @param text the value
         * @param source where it came from, for the error message
         * @return the choice
         */
        public static Choice parse(String text, String source) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.startsWith("gpu:")) {
                    return new Choice(Kind.GPU, Integer.parseInt(t.substring(4)));
                }
                return new Choice(Kind.valueOf(t.toUpperCase(Locale.ROOT)), 1);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        source + ": expected cpu, gpu, gpu:N or auto, got '" + text + "'", e);
            }
        }
    }

    /**
     * What the machine offers, as DJL sees it.
     *
     * @param gpuCount GPUs the CUDA runtime reports (0 without {@code libcudart} or without a driver)
     * @param cudart whether {@code libcudart} could be loaded
     * @param cudaLibtorch whether the loaded libtorch is a CUDA build
     * @param flavor the {@code PYTORCH_FLAVOR} environment value, or null
     * @param libtorch the PyTorch version DJL loaded
     */
    public record Probe(int gpuCount, boolean cudart, boolean cudaLibtorch, String flavor, String libtorch) {

        /** @return the state of this process (loads the PyTorch engine) */
        public static Probe ofThisMachine() {
            Engine e = Engine.getEngine(ClipModel.ENGINE);
            return new Probe(
                    e.getGpuCount(),
                    cudartLoads(),
                    e.hasCapability(StandardCapabilities.CUDA),
                    System.getenv("PYTORCH_FLAVOR"),
                    e.getVersion());
        }

        private static boolean cudartLoads() {
            try {
                com.sun.jna.NativeLibrary.getInstance("cudart");
                return true;
            } catch (UnsatisfiedLinkError e) {
                return false;
            }
        }
    }

    /**
     * Checks a choice against a machine.
     *
     * @param choice what was asked
     * @param probe what the machine offers
     * @return the missing pieces, empty when the choice can run
     */
    public static List<String> problems(Choice choice, Probe probe) {
        List<String> out = new ArrayList<>();
        if (choice.kind() != Kind.GPU) {
            return out;
        }
        if (!probe.cudaLibtorch()) {
            out.add("the loaded libtorch " + probe.libtorch()
                    + " is the CPU build: rebuild with `mvn -Pcuda clean package"
                    + " -pl lib` (pytorch-native-cpu off the classpath) and run with PYTORCH_FLAVOR=" + CUDA_FLAVOR
                    + " and DJL_OFFLINE=false (first-run download) or PYTORCH_LIBRARY_PATH=<CUDA libtorch 2.7.1>");
        }
        if (probe.flavor() != null && !probe.flavor().equals(CUDA_FLAVOR)) {
            out.add("PYTORCH_FLAVOR is '" + probe.flavor() + "' but DJL 0.36 with PyTorch 2.7.1 needs exactly '"
                    + CUDA_FLAVOR + "' (other values load the CPU build or break engine loading)");
        }
        if (!probe.cudart()) {
            out.add("no libcudart on the library path: DJL finds GPUs only through the system CUDA 12 runtime"
                    + " (install it, or add its lib directory to LD_LIBRARY_PATH)");
        }
        if (probe.gpuCount() == 0) {
            out.add("no GPU visible (DJL's GPU count is 0: no NVIDIA driver, a driver older than the CUDA runtime,"
                    + " or CUDA_VISIBLE_DEVICES hides them)");
        } else if (choice.gpus() > probe.gpuCount()) {
            out.add("--gpus " + choice.gpus() + " asked but only " + probe.gpuCount() + " GPU(s) visible");
        }
        return out;
    }

    /**
     * Selects the device for this process, after checking it can be used.
     *
     * @param choice what was asked
     * @return a one-line description of the selected device(s), for printing at start
     * @throws IllegalStateException naming every missing piece when a GPU is asked and cannot be used
     */
    public static String select(Choice choice) {
        check(choice);
        selected = choice;
        return describe();
    }

    /**
     * Checks that this machine can run a choice, without selecting it (a Spark executor checks the driver's choice
     * for the models it loads).
     *
     * @param choice what was asked
     * @throws IllegalStateException naming every missing piece when a GPU is asked and cannot be used
     */
    public static void check(Choice choice) {
        List<String> missing = problems(choice, choice.kind() == Kind.GPU ? Probe.ofThisMachine() : null);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("a GPU was asked (--device gpu or " + ENV
                    + "=gpu) but cannot be used; no CPU fallback:\n  - " + String.join("\n  - ", missing));
        }
    }

    /** @return the selected choice, else the one of {@value #ENV}, else auto */
    public static Choice current() {
        Choice c = selected;
        if (c != null) {
            return c;
        }
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? new Choice(Kind.AUTO, 1) : Choice.parse(env, ENV);
    }

    /** @return the device models are created on */
    public static Device primary() {
        return trainingDevices().get(0);
    }

    /**
     * The devices of data-parallel training: one replica each. A GPU choice from {@value #ENV} that was never passed
     * through {@link #select(Choice)} is checked here, so no path runs on the CPU silently.
     *
     * @return the devices, the first holding the master weights
     */
    public static List<Device> trainingDevices() {
        Choice c = current();
        switch (c.kind()) {
            case CPU:
                return List.of(Device.cpu());
            case GPU:
                if (selected == null) {
                    select(c);
                }
                List<Device> out = new ArrayList<>();
                for (int i = 0; i < c.gpus(); i++) {
                    out.add(Device.gpu(i));
                }
                return out;
            default:
                return List.of(Engine.getEngine(ClipModel.ENGINE).defaultDevice());
        }
    }

    /** @return e.g. {@code device: gpu x2 [gpu(0), gpu(1)], PyTorch 2.7.1, TF32 matmul on} */
    public static String describe() {
        Choice c = current();
        List<Device> d = trainingDevices();
        String kind = c.kind().name().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder("device: ").append(kind);
        if (c.kind() == Kind.GPU) {
            sb.append(" x").append(c.gpus());
        }
        sb.append(' ')
                .append(d)
                .append(", PyTorch ")
                .append(Engine.getEngine(ClipModel.ENGINE).getVersion());
        if (d.get(0).isGpu()) {
            // PyTorch keeps TF32 off for matmuls unless this override is set before libtorch loads; the launcher sets
            // it for gpu runs (OpenCLIP trains with TF32 on)
            sb.append(", TF32 matmul ")
                    .append("1".equals(System.getenv("TORCH_ALLOW_TF32_CUBLAS_OVERRIDE")) ? "on" : "off");
        }
        return sb.toString();
    }

    /** Forgets {@link #select(Choice)} (tests). */
    static void reset() {
        selected = null;
    }
}
