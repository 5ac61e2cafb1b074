package org.parrotscope.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parrotscope.util.Json;

/**
 * The settings of a subset experiment, read from JSON ({@code parrotscope experiment --config FILE}). Every key is
 * optional; a missing key takes the value of the default configuration shipped for mini-LAION ({@link #DEFAULT},
 * lib/README.md "The subset experiment"). Relative paths in the file are resolved against the file's folder.
 *
 * @param name a label for the reports
 * @param pool the training pool: shards, or a generated mini-LAION
 * @param ocr the text spotter that decides "with text" and CoTR (never the generator's truth, unless {@code oracle}
 *     is named)
 * @param referenceModel a CLIP model folder to score with (the paper's OpenAI ViT-B/32), or null to train one on
 *     the whole pool with {@link #reference}
 * @param reference the recipe of the reference CLIP trained on the whole pool
 * @param curations curation names ({@code I}, {@code II}, {@code III})
 * @param subsetSize the common size of every subset, 0 for the smallest pool of all criteria
 * @param minSubsetSize with {@code subsetSize} 0: the least acceptable common size
 * @param seeds one model per subset and seed; the seed fixes the subset's sample and the model's initialisation
 * @param train the recipe of every subset model (identical settings)
 * @param eval the evaluation sets
 * @param heldout the held-out pairs of Fig. 9
 * @param device {@code cpu}, {@code gpu} or {@code auto}
 */
public record ExperimentConfig(
        String name,
        Pool pool,
        Ocr ocr,
        Path referenceModel,
        Recipe reference,
        List<String> curations,
        int subsetSize,
        int minSubsetSize,
        List<Long> seeds,
        Recipe train,
        Eval eval,
        Pool heldout,
        String device) {

    /** The resource holding the default configuration (mini-LAION, Curations I and II). */
    public static final String DEFAULT = "org/parrotscope/experiment/mini-laion.json";

    /**
     * Data: shard specs, or (with none) a mini-LAION generated with these settings.
     *
     * @param shards shard specs; empty to generate
     * @param samples generated samples
     * @param seed generator seed
     * @param imageSize generated image side, 0 for the training preset's input size
     * @param textRate share of generated images with printed text
     */
    public record Pool(List<String> shards, long samples, long seed, int imageSize, double textRate) {
        /** Validates. */
        public Pool {
            shards = List.copyOf(shards);
            if (shards.isEmpty() && samples < 1) {
                throw new IllegalArgumentException("a generated pool needs samples >= 1, got " + samples);
            }
        }

        /** @return whether the data are generated */
        public boolean generated() {
            return shards.isEmpty();
        }
    }

    /**
     * The OCR run.
     *
     * @param engine a {@code parrotscope ocr --engine} name
     * @param detUpscaleTo PP-OCR detection size of small images
     * @param threads workers, 0 for the core count
     */
    public record Ocr(String engine, int detUpscaleTo, int threads) {
        /** Validates. */
        public Ocr {
            Objects.requireNonNull(engine, "ocr.engine");
        }
    }

    /**
     * A training recipe (paper Step 8): the same for every subset model.
     *
     * @param preset architecture preset name or {@code .json} file
     * @param steps optimizer steps
     * @param batch pairs per step (at most the subset size)
     * @param learningRate peak learning rate
     * @param warmup warm-up steps
     * @param weightDecay decoupled weight decay
     * @param gradClip global-norm clip, 0 for none
     */
    public record Recipe(
            String preset, int steps, int batch, float learningRate, int warmup, float weightDecay, float gradClip) {
        /** Validates. */
        public Recipe {
            Objects.requireNonNull(preset, "preset");
            if (steps < 1 || batch < 2) {
                throw new IllegalArgumentException("a recipe needs steps >= 1 and batch >= 2");
            }
        }
    }

    /**
     * The evaluation suite's sets ({@code parrotscope eval}).
     *
     * @param images zero-shot and typographic images
     * @param pairs retrieval pairs
     * @param ngrams Sync-benchmark 1-grams
     * @param seed seed of the generated sets
     * @param data shard specs to evaluate on instead of generated mini-LAION (empty: generated)
     */
    public record Eval(int images, int pairs, int ngrams, long seed, List<String> data) {
        /** Copies the list. */
        public Eval {
            data = List.copyOf(data);
        }
    }

    /** Validates and copies. */
    public ExperimentConfig {
        Objects.requireNonNull(pool, "pool");
        curations = List.copyOf(curations);
        seeds = List.copyOf(seeds);
        if (curations.isEmpty()) {
            throw new IllegalArgumentException("no curations named (expected some of I, II, III)");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds given");
        }
        if (subsetSize < 0 || minSubsetSize < 2) {
            throw new IllegalArgumentException("subset_size must be >= 0 and min_subset_size >= 2");
        }
    }

    /**
     * The default configuration (mini-LAION, Curations I and II, one seed).
     *
     * @return it
     */
    public static ExperimentConfig defaults() {
        return parse(defaultJson(), DEFAULT, Path.of("."));
    }

    /**
     * Reads a configuration file; keys it leaves out keep the default's values.
     *
     * @param file the JSON file
     * @return the configuration
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and key of a malformed value
     */
    public static ExperimentConfig read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path base = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), base);
    }

    /**
     * Parses a configuration over the defaults.
     *
     * @param json the text
     * @param source the file named in errors
     * @param base the folder relative paths are resolved against
     * @return the configuration
     */
    public static ExperimentConfig parse(String json, String source, Path base) {
        JsonObject o;
        try {
            o = Json.parse(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": not a JSON object: " + e.getMessage(), e);
        }
        JsonObject d = source.equals(DEFAULT) ? o : Json.parse(defaultJson()).getAsJsonObject();
        Reader r = new Reader(o, d, source, base);
        try {
            return new ExperimentConfig(
                    r.string("name"),
                    r.pool("pool"),
                    new Ocr(
                            r.sub("ocr").string("engine"),
                            r.sub("ocr").integer("det_upscale_to"),
                            r.sub("ocr").integer("threads")),
                    r.path("reference_model"),
                    r.recipe("reference"),
                    r.strings("curations"),
                    r.integer("subset_size"),
                    r.integer("min_subset_size"),
                    r.longs("seeds"),
                    r.recipe("train"),
                    new Eval(
                            r.sub("eval").integer("images"),
                            r.sub("eval").integer("pairs"),
                            r.sub("eval").integer("ngrams"),
                            r.sub("eval").longValue("seed"),
                            r.sub("eval").paths("data")),
                    r.pool("heldout"),
                    r.string("device"));
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** @return this configuration as JSON (paths absolute), the form written to {@code config.json} */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.add("pool", poolJson(pool));
        JsonObject oc = new JsonObject();
        oc.addProperty("engine", ocr.engine());
        oc.addProperty("det_upscale_to", ocr.detUpscaleTo());
        oc.addProperty("threads", ocr.threads());
        o.add("ocr", oc);
        if (referenceModel == null) {
            o.add("reference_model", com.google.gson.JsonNull.INSTANCE);
        } else {
            o.addProperty("reference_model", referenceModel.toString());
        }
        o.add("reference", recipeJson(reference));
        o.add("curations", strings(curations));
        o.addProperty("subset_size", subsetSize);
        o.addProperty("min_subset_size", minSubsetSize);
        JsonArray s = new JsonArray();
        seeds.forEach(s::add);
        o.add("seeds", s);
        o.add("train", recipeJson(train));
        JsonObject e = new JsonObject();
        e.addProperty("images", eval.images());
        e.addProperty("pairs", eval.pairs());
        e.addProperty("ngrams", eval.ngrams());
        e.addProperty("seed", eval.seed());
        e.add("data", strings(eval.data()));
        o.add("eval", e);
        o.add("heldout", poolJson(heldout));
        o.addProperty("device", device);
        return o;
    }

    /**
     * A copy with other seeds.
     *
     * @param s the seeds
     * @return the copy
     */
    public ExperimentConfig withSeeds(List<Long> s) {
        return new ExperimentConfig(
                name,
                pool,
                ocr,
                referenceModel,
                reference,
                curations,
                subsetSize,
                minSubsetSize,
                s,
                train,
                eval,
                heldout,
                device);
    }

    /**
     * A copy scoring with a given model instead of training the reference CLIP.
     *
     * @param model a CLIP model folder
     * @return the copy
     */
    public ExperimentConfig withReferenceModel(Path model) {
        return new ExperimentConfig(
                name,
                pool,
                ocr,
                model,
                reference,
                curations,
                subsetSize,
                minSubsetSize,
                seeds,
                train,
                eval,
                heldout,
                device);
    }

    /**
     * A copy with values replaced by dotted key, e.g. {@code pool.samples} to {@code "3000"} or {@code seeds} to
     * {@code "0,1,2"}: the notebook's parameters. A blank value leaves its key alone. A value is read as JSON when it
     * is one; for a key holding a list, a comma-separated text is a list; otherwise it is a string. Relative paths
     * are resolved against the working folder.
     *
     * @param overrides dotted key to value
     * @return the copy
     * @throws IllegalArgumentException naming an unknown key or a malformed value
     */
    public ExperimentConfig withOverrides(java.util.Map<String, String> overrides) {
        JsonObject o = Json.parse(Json.PRETTY.toJson(toJson())).getAsJsonObject();
        for (var e : overrides.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            String[] path = e.getKey().split("\\.");
            JsonObject at = o;
            for (int i = 0; i < path.length - 1; i++) {
                if (!at.has(path[i]) || !at.get(path[i]).isJsonObject()) {
                    throw new IllegalArgumentException("unknown configuration key " + e.getKey());
                }
                at = at.getAsJsonObject(path[i]);
            }
            String leaf = path[path.length - 1];
            if (!at.has(leaf) && !leaf.equals("reference_model")) {
                throw new IllegalArgumentException("unknown configuration key " + e.getKey());
            }
            String v = e.getValue().strip();
            JsonElement value;
            if (at.has(leaf) && at.get(leaf).isJsonArray() && !v.startsWith("[")) {
                JsonArray a = new JsonArray();
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        a.add(Json.parse(quoteUnlessNumber(part.strip())));
                    }
                }
                value = a;
            } else {
                value = Json.parse(quoteUnlessNumber(v));
            }
            at.add(leaf, value);
        }
        return parse(
                Json.PRETTY.toJson(o),
                "overrides " + overrides.keySet(),
                Path.of("").toAbsolutePath());
    }

    private static String quoteUnlessNumber(String v) {
        if (v.startsWith("[") || v.startsWith("{") || v.equals("null") || v.matches("-?[0-9.eE+-]+")) {
            return v;
        }
        return new com.google.gson.JsonPrimitive(v).toString();
    }

    private static JsonObject poolJson(Pool p) {
        JsonObject o = new JsonObject();
        o.add("shards", strings(p.shards()));
        o.addProperty("samples", p.samples());
        o.addProperty("seed", p.seed());
        o.addProperty("image_size", p.imageSize());
        o.addProperty("text_rate", p.textRate());
        return o;
    }

    private static JsonObject recipeJson(Recipe r) {
        JsonObject o = new JsonObject();
        o.addProperty("preset", r.preset());
        o.addProperty("steps", r.steps());
        o.addProperty("batch", r.batch());
        o.addProperty("lr", r.learningRate());
        o.addProperty("warmup", r.warmup());
        o.addProperty("weight_decay", r.weightDecay());
        o.addProperty("grad_clip", r.gradClip());
        return o;
    }

    private static JsonArray strings(List<String> list) {
        JsonArray a = new JsonArray();
        list.forEach(a::add);
        return a;
    }

    private static String defaultJson() {
        try (InputStream in = ExperimentConfig.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(DEFAULT + ": " + e.getMessage(), e);
        }
    }

    /** Reads keys of one object, falling back to the default object's values. */
    private record Reader(JsonObject o, JsonObject d, String where, Path base) {

        JsonElement get(String key) {
            JsonElement e = o.has(key) ? o.get(key) : d.get(key);
            if (e == null) {
                throw new IllegalArgumentException("key " + key + " is missing");
            }
            return e;
        }

        Reader sub(String key) {
            JsonObject mine = o.has(key) ? object(o.get(key), key) : new JsonObject();
            JsonObject def = d.has(key) ? object(d.get(key), key) : new JsonObject();
            return new Reader(mine, def, key, base);
        }

        private JsonObject object(JsonElement e, String key) {
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("key " + key + " must be an object");
            }
            return e.getAsJsonObject();
        }

        String string(String key) {
            JsonElement e = get(key);
            if (!e.isJsonPrimitive()) {
                throw new IllegalArgumentException(name(key) + " must be a string");
            }
            return e.getAsString();
        }

        int integer(String key) {
            return (int) number(key);
        }

        long longValue(String key) {
            return (long) number(key);
        }

        double number(String key) {
            JsonElement e = get(key);
            try {
                return e.getAsDouble();
            } catch (RuntimeException x) {
                throw new IllegalArgumentException(name(key) + " must be a number, got " + e);
            }
        }

        Path path(String key) {
            JsonElement e = get(key);
            return e.isJsonNull() || e.getAsString().isBlank()
                    ? null
                    : base.resolve(e.getAsString()).normalize();
        }

        List<String> strings(String key) {
            JsonElement e = get(key);
            if (!e.isJsonArray()) {
                throw new IllegalArgumentException(name(key) + " must be an array");
            }
            List<String> out = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
            return out;
        }

        /** Shard specs or paths: relative ones against the file's folder, URIs and absolute paths as given. */
        List<String> paths(String key) {
            return strings(key).stream()
                    .map(s -> s.contains("://")
                                    || Path.of(s.replaceAll("[{*?].*$", "")).isAbsolute()
                            ? s
                            : base.resolve(s).toString())
                    .toList();
        }

        List<Long> longs(String key) {
            JsonElement e = get(key);
            if (!e.isJsonArray()) {
                throw new IllegalArgumentException(name(key) + " must be an array of integers");
            }
            List<Long> out = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> out.add(x.getAsLong()));
            return out;
        }

        Pool pool(String key) {
            Reader p = sub(key);
            return new Pool(
                    p.paths("shards"),
                    p.longValue("samples"),
                    p.longValue("seed"),
                    p.integer("image_size"),
                    p.number("text_rate"));
        }

        Recipe recipe(String key) {
            Reader p = sub(key);
            String preset = p.string("preset");
            if (preset.endsWith(".json")) {
                preset = base.resolve(preset).normalize().toString(); // an architecture file beside the config
            }
            return new Recipe(
                    preset,
                    p.integer("steps"),
                    p.integer("batch"),
                    (float) p.number("lr"),
                    p.integer("warmup"),
                    (float) p.number("weight_decay"),
                    (float) p.number("grad_clip"));
        }

        private String name(String key) {
            return where == null || where.contains("/") || where.contains(".") ? key : where + "." + key;
        }
    }
}
