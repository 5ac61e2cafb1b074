package org.parrotscope.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parrotscope.curate.Curator;
import org.parrotscope.curate.Subset;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import tech.tablesaw.api.Table;

/**
 * The contents of {@code results.json}: one object per subset and seed ({@code subset}, {@code label}, {@code
 * curation}, {@code seed}, {@code size}, {@code pool}, {@code text_rate}, {@code mean_cotr}, {@code avg_s}, {@code
 * model}, the {@code parrotscope eval --json} fields {@code zeroshot}, {@code retrieval}, {@code sync} (with the
 * single {@code scores} of Fig. 8), {@code typographic}, and {@code heldout}, the Fig. 9 scores), the same for the
 * reference model, and the configuration. {@link PaperTables} lays them out as the paper's tables.
 *
 * @param json the whole document
 */
public record ExperimentResults(JsonObject json) {

    /**
     * Reads a {@code results.json}.
     *
     * @param file the file
     * @return the results
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException naming the file when it is not a results document
     */
    public static ExperimentResults read(Path file) throws IOException {
        JsonElement e = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (!e.isJsonObject() || !e.getAsJsonObject().has("subsets")) {
            throw new IllegalArgumentException(file + ": not an experiment results file (no \"subsets\")");
        }
        return new ExperimentResults(e.getAsJsonObject());
    }

    /** @return one object per subset and seed, in curation order, seed by seed */
    public List<JsonObject> subsets() {
        List<JsonObject> out = new ArrayList<>();
        json.getAsJsonArray("subsets").forEach(x -> out.add(x.getAsJsonObject()));
        return out;
    }

    /** @return the reference model's object ({@code model}, eval fields, {@code heldout}) */
    public JsonObject reference() {
        return json.getAsJsonObject("reference");
    }

    /** @return the seeds of the run */
    public List<Long> seeds() {
        List<Long> out = new ArrayList<>();
        json.getAsJsonObject("config").getAsJsonArray("seeds").forEach(x -> out.add(x.getAsLong()));
        return out;
    }

    /** @return this document, as written */
    public JsonObject toJson() {
        return json;
    }

    /**
     * Writes the paper-shaped tables as CSV into a folder ({@link PaperTables#all}).
     *
     * @param dir the folder
     * @throws IOException when writing fails
     */
    public void writeTables(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Table t : PaperTables.all(this)) {
            AtomicFiles.writeString(
                    dir.resolve(PaperTables.fileName(t)), t.write().toString("csv"));
        }
    }

    /**
     * A value by dotted path, e.g. {@code zeroshot.top1}.
     *
     * @param row a subset object
     * @param path the dotted path
     * @return the number, NaN when absent
     */
    public static double value(JsonObject row, String path) {
        JsonElement e = row;
        for (String k : path.split("\\.")) {
            if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has(k)) {
                return Double.NaN;
            }
            e = e.getAsJsonObject().get(k);
        }
        return e.isJsonPrimitive() ? e.getAsDouble() : Double.NaN;
    }

    /**
     * @param cfg the configuration
     * @return a builder
     */
    static Builder builder(ExperimentConfig cfg) {
        return new Builder(cfg);
    }

    /** Collects the results of a run. */
    static final class Builder {
        private final JsonObject json = new JsonObject();
        private final JsonArray subsets = new JsonArray();

        private Builder(ExperimentConfig cfg) {
            json.add("config", cfg.toJson());
        }

        void reference(Path model, JsonObject eval, JsonObject heldout) {
            JsonObject o = new JsonObject();
            o.addProperty("subset", Experiment.REFERENCE);
            o.addProperty("label", "reference CLIP");
            o.addProperty("model", model.toString());
            eval.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
            o.add("heldout", heldout);
            json.add("reference", o);
        }

        void subset(Subset s, long seed, Table stats, int row, Path model, JsonObject eval, JsonObject heldout) {
            JsonObject o = new JsonObject();
            o.addProperty("subset", s.criterion().id());
            o.addProperty("label", s.criterion().label());
            o.addProperty("curation", s.criterion().family());
            o.addProperty("seed", seed);
            o.addProperty("size", s.keys().size());
            o.addProperty("pool", s.pool());
            o.addProperty("text_rate", stats.doubleColumn(Curator.TEXT_RATE).getDouble(row));
            o.addProperty("mean_cotr", stats.doubleColumn(Curator.MEAN_COTR).getDouble(row));
            o.addProperty("avg_s", stats.doubleColumn(Curator.AVG_S).getDouble(row));
            o.addProperty("model", model.toString());
            eval.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
            o.add("heldout", heldout);
            subsets.add(o);
        }

        ExperimentResults build() {
            json.add("subsets", subsets);
            return new ExperimentResults(json);
        }
    }
}
