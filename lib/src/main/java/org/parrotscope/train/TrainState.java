package org.parrotscope.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;

/**
 * The non-tensor state of a checkpoint, {@code trainer_state.json}. Data order and augmentation are pure
 * functions of (seed, step) ({@link BatchLoader}), so the seed and the step are the whole random state.
 *
 * @param step optimizer steps done
 * @param totalSteps the schedule's total steps
 * @param seed the run seed
 * @param batch pairs per step
 * @param samples training samples seen by the loader
 */
public record TrainState(int step, int totalSteps, long seed, int batch, int samples) {

    /** The file name inside a checkpoint folder. */
    public static final String FILE = "trainer_state.json";

    /**
     * Writes the state.
     *
     * @param dir the checkpoint folder
     */
    public void save(Path dir) {
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        o.addProperty("total_steps", totalSteps);
        o.addProperty("seed", seed);
        o.addProperty("batch", batch);
        o.addProperty("samples", samples);
        o.addProperty("rng", "data order and augmentation derive from (seed, epoch, sample index); no further state");
        AtomicFiles.writeString(dir.resolve(FILE), Json.PRETTY.toJson(o));
    }

    /**
     * Reads the state.
     *
     * @param dir the checkpoint folder
     * @return the state
     * @throws IOException naming the file when missing or malformed
     */
    public static TrainState load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IOException(dir + ": not a training checkpoint (no " + FILE + ")");
        }
        try {
            JsonObject o =
                    Json.parse(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
            return new TrainState(
                    o.get("step").getAsInt(),
                    o.get("total_steps").getAsInt(),
                    o.get("seed").getAsLong(),
                    o.get("batch").getAsInt(),
                    o.get("samples").getAsInt());
        } catch (RuntimeException e) {
            throw new IOException(f + ": malformed trainer state: " + e.getMessage(), e);
        }
    }
}
