package org.parrotscope.train;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.TextTokenizer;

/**
 * Writes training checkpoints. A checkpoint folder is a complete model folder ({@code config.json},
 * {@code model.safetensors} in OpenCLIP names, the tokenizer) that {@link ClipModel#load} reads and scores with,
 * plus {@code optimizer.safetensors} ({@link OptimizerState}) and {@code trainer_state.json} ({@link TrainState})
 * for resuming. Folders are written under a temporary name and renamed, so a killed run never leaves half a
 * checkpoint.
 */
public final class Checkpoints {

    /** The optimizer state file inside a checkpoint. */
    public static final String OPTIMIZER_FILE = "optimizer.safetensors";

    private Checkpoints() {}

    /**
     * Writes a checkpoint.
     *
     * @param dir the checkpoint folder (replaced if present)
     * @param model the model
     * @param tokenizer its tokenizer
     * @param optimizer the optimizer
     * @param ids parameter id to OpenCLIP name
     * @param state step and seed
     * @throws IOException when writing fails
     */
    public static void save(
            Path dir,
            ClipModel model,
            TextTokenizer tokenizer,
            AdamW optimizer,
            Map<String, String> ids,
            TrainState state)
            throws IOException {
        Path abs = dir.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        delete(tmp);
        model.save(tmp);
        tokenizer.save(tmp);
        optimizer.exportState(ids).save(tmp.resolve(OPTIMIZER_FILE));
        state.save(tmp);
        delete(abs);
        try {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
