package org.parrotscope.spark;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ComputeDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CLIP model per executor JVM, model folder and device, shared by every task thread of that executor that
 * uses the same device, so the weights are loaded once per executor and device instead of once per shard. Sharing
 * is safe: {@link ClipModel}'s forward passes ({@code encodeImages}, {@code encodeTexts}) are synchronized on the
 * model and run without gradients, so concurrent tasks take turns on the network while their image decoding and
 * preprocessing overlap (on a CPU one forward pass already uses every intra-op thread). Each task builds its own
 * scorer (tokenizer, decoding pool) around the shared model. The models are closed when the JVM exits.
 *
 * <p>The device is resolved here, on the executor, from the job's choice ({@link #device}): {@code cpu}; {@code
 * auto}, DJL's default of this executor (GPU 0 when it sees one, else the CPU); {@code gpu}, checked with the
 * single-machine rule ({@link ComputeDevice#check}) and then the GPU Spark assigned to the task
 * ({@code spark.task.resource.gpu.amount}), else GPU {@code partition mod N} of the {@code --gpus N} of the
 * executor, so the tasks of an executor with N GPUs spread over them.
 */
final class ExecutorModels {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
    private static final Map<String, ClipModel> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "parrotscope-models"));
    }

    private ExecutorModels() {}

    /**
     * The executor's model of this folder on the device the task resolves, loaded on first use.
     *
     * @param model the model and device choice
     * @return the shared model; never close it
     * @throws IllegalStateException when a GPU is asked and this executor cannot use one
     */
    static ClipModel get(ModelRef model) {
        Device device = device(ComputeDevice.Choice.parse(model.device(), "--device"));
        return OPEN.computeIfAbsent(key(model.dir(), device), k -> {
            LOG.info("loading CLIP model {} on {} for this executor", model.dir(), device);
            try {
                return ClipModel.load(Path.of(model.dir()), device);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the CLIP model " + model.dir() + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The device of a choice on this executor, for the running task.
     *
     * @param choice the job's choice
     * @return the device
     * @throws IllegalStateException when a GPU is asked and cannot be used here (the single-machine message)
     */
    static Device device(ComputeDevice.Choice choice) {
        switch (choice.kind()) {
            case CPU:
                return Device.cpu();
            case GPU:
                ComputeDevice.check(choice);
                TaskContext tc = TaskContext.get();
                List<String> assigned = List.of();
                int partition = 0;
                if (tc != null) {
                    ResourceInformation gpu = tc.resourcesJMap().get("gpu");
                    assigned = gpu == null ? List.of() : List.of(gpu.addresses());
                    partition = tc.partitionId();
                }
                return Device.gpu(gpuIndex(assigned, partition, choice.gpus()));
            default:
                return Engine.getEngine(ClipModel.ENGINE).defaultDevice();
        }
    }

    /**
     * Which GPU a task uses: the first one Spark assigned to it, else its partition spread over the executor's GPUs.
     *
     * @param assigned the GPU addresses Spark's resource scheduling gave the task (empty without it)
     * @param partition the task's partition
     * @param gpus the executor's GPUs ({@code --gpus})
     * @return the GPU index
     */
    static int gpuIndex(List<String> assigned, int partition, int gpus) {
        if (!assigned.isEmpty()) {
            return Integer.parseInt(assigned.get(0).strip());
        }
        return Math.floorMod(partition, gpus);
    }

    /** @return the sharing key of a folder on a device */
    static String key(String dir, Device device) {
        return dir + " on " + device;
    }

    /** @return the sharing keys of the open models ({@link #key}) */
    static Set<String> openKeys() {
        return Set.copyOf(OPEN.keySet());
    }

    private static void closeAll() {
        OPEN.values().forEach(ClipModel::close);
        OPEN.clear();
    }
}
