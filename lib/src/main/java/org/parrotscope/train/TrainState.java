package org.parrotscope.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;

/**
 * The non-tensor state of a checkpoint, {@code trainer_state.json}. With the in-memory loader, data order and
 * augmentation are pure functions of (seed, step) ({@link BatchLoader}), so the seed and the step are the whole random
 * state; the streaming loader ({@link StreamingBatchLoader}) also needs its shuffle-buffer size and the position in the
 * epoch's stream (which undecodable images shift), stored as {@code loader}, {@code shuffle_buffer}, {@code cursor}.
 *
 * @param step optimizer steps done
 * @param totalSteps the schedule's total steps
 * @param seed the run seed
 * @param batch pairs per step
 * @param samples training samples seen by the loader
 * @param loader {@code memory} or {@code stream}
 * @param shuffleBuffer the streaming loader's shuffle-buffer size, 0 for the in-memory loader
 * @param cursor the streaming loader's {@link TrainBatch#cursor} after the last step, -1 for the in-memory loader
 * @param precision {@code fp32} or {@code fp16}
 * @param lossScale the fp16 loss scaler's scale ({@link LossScaler}), 0 for fp32
 * @param lossScaleFiniteSteps the scaler's finite steps since its last change, 0 for fp32
 */
public record TrainState(
        int step,
        int totalSteps,
        long seed,
        int batch,
        int samples,
        String loader,
        int shuffleBuffer,
        long cursor,
        String precision,
        float lossScale,
        int lossScaleFiniteSteps) {

    /** Validates. */
    public TrainState {
        if (!loader.equals("memory") && !loader.equals("stream")) {
            throw new IllegalArgumentException("loader must be memory or stream, got " + loader);
        }
    }

    /**
     * The state of an fp32 run.
     *
     * @param step steps done
     * @param totalSteps the schedule's steps
     * @param seed the seed
     * @param batch pairs per step
     * @param samples training samples
     * @param loader {@code memory} or {@code stream}
     * @param shuffleBuffer the shuffle-buffer size, 0 for the in-memory loader
     * @param cursor the stream position, -1 for the in-memory loader
     */
    public TrainState(
            int step,
            int totalSteps,
            long seed,
            int batch,
            int samples,
            String loader,
            int shuffleBuffer,
            long cursor) {
        this(step, totalSteps, seed, batch, samples, loader, shuffleBuffer, cursor, "fp32", 0f, 0);
    }

    /**
     * The state of an in-memory-loader run.
     *
     * @param step steps done
     * @param totalSteps the schedule's steps
     * @param seed the seed
     * @param batch pairs per step
     * @param samples training samples
     */
    public TrainState(int step, int totalSteps, long seed, int batch, int samples) {
        this(step, totalSteps, seed, batch, samples, "memory", 0, -1);
    }

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
        o.addProperty("loader", loader);
        o.addProperty("shuffle_buffer", shuffleBuffer);
        o.addProperty("cursor", cursor);
        o.addProperty("precision", precision);
        if (lossScale > 0) {
            o.addProperty("loss_scale", lossScale);
            o.addProperty("loss_scale_finite_steps", lossScaleFiniteSteps);
        }
        o.addProperty(
                "rng",
                "data order and augmentation derive from (seed, epoch, sample index or stream position); no further"
                        + " state");
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
                    o.get("samples").getAsInt(),
                    o.has("loader") ? o.get("loader").getAsString() : "memory", // checkpoints before the stream loader
                    o.has("shuffle_buffer") ? o.get("shuffle_buffer").getAsInt() : 0,
                    o.has("cursor") ? o.get("cursor").getAsLong() : -1,
                    o.has("precision") ? o.get("precision").getAsString() : "fp32",
                    o.has("loss_scale") ? o.get("loss_scale").getAsFloat() : 0f,
                    o.has("loss_scale_finite_steps")
                            ? o.get("loss_scale_finite_steps").getAsInt()
                            : 0);
        } catch (RuntimeException e) {
            throw new IOException(f + ": malformed trainer state: " + e.getMessage(), e);
        }
    }
}
