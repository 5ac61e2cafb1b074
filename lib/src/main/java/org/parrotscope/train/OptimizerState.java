package org.parrotscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.parrotscope.clip.SafeDType;
import org.parrotscope.clip.SafetensorsFile;
import org.parrotscope.clip.SafetensorsWriter;

/**
 * AdamW's state in a device- and run-independent form: first and second moments and the update count per
 * parameter, keyed by the parameter's stable (OpenCLIP) name. Stored as one safetensors file with tensors
 * {@code exp_avg.NAME} and {@code exp_avg_sq.NAME} (PyTorch's state names) in float32 and the step counts in
 * the header's {@code __metadata__} as {@code step.NAME}.
 *
 * @param means first moments
 * @param variances second moments
 * @param steps update counts
 */
public record OptimizerState(
        Map<String, SafetensorsWriter.Tensor> means,
        Map<String, SafetensorsWriter.Tensor> variances,
        Map<String, Integer> steps) {

    /** Validates that the three maps cover the same parameters. */
    public OptimizerState {
        means = Map.copyOf(means);
        variances = Map.copyOf(variances);
        steps = Map.copyOf(steps);
        if (!means.keySet().equals(variances.keySet()) || !means.keySet().equals(steps.keySet())) {
            throw new IllegalArgumentException("optimizer state: moments and step counts name different parameters");
        }
    }

    /**
     * Writes the state atomically.
     *
     * @param file the safetensors file
     * @throws IOException when writing fails
     */
    public void save(Path file) throws IOException {
        Map<String, SafetensorsWriter.Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (String name : new TreeSet<>(steps.keySet())) {
            tensors.put("exp_avg." + name, means.get(name));
            tensors.put("exp_avg_sq." + name, variances.get(name));
            meta.put("step." + name, Integer.toString(steps.get(name)));
        }
        SafetensorsWriter.write(file, tensors, SafeDType.F32, meta);
    }

    /**
     * Reads a state written by {@link #save(Path)}.
     *
     * @param file the safetensors file
     * @return the state
     * @throws IOException naming the file when it is unreadable or incomplete
     */
    public static OptimizerState load(Path file) throws IOException {
        Map<String, SafetensorsWriter.Tensor> m = new HashMap<>();
        Map<String, SafetensorsWriter.Tensor> v = new HashMap<>();
        Map<String, Integer> t = new HashMap<>();
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            for (var e : f.metadata().entrySet()) {
                if (!e.getKey().startsWith("step.")) {
                    continue;
                }
                String name = e.getKey().substring(5);
                t.put(name, Integer.parseInt(e.getValue()));
                m.put(
                        name,
                        new SafetensorsWriter.Tensor(f.info("exp_avg." + name).shape(), f.floats("exp_avg." + name)));
                v.put(
                        name,
                        new SafetensorsWriter.Tensor(
                                f.info("exp_avg_sq." + name).shape(), f.floats("exp_avg_sq." + name)));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": incomplete optimizer state: " + e.getMessage(), e);
        }
        return new OptimizerState(m, v, t);
    }
}
