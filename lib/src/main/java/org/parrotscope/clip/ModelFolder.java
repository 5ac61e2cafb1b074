package org.parrotscope.clip;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;

/**
 * The files of a CLIP model folder: the configuration ({@code open_clip_config.json} or
 * {@code config.json}: OpenCLIP {@code model_cfg}, bare or wrapped with {@code preprocess_cfg}, or a
 * Hugging Face {@code CLIPConfig} with its {@code preprocessor_config.json}), the weights
 * {@code model.safetensors} or {@code open_clip_model.safetensors}, and the tokenizer files found by {@link
 * Tokenizers#forModel} (none: OpenAI's BPE shipped with the library).
 */
public final class ModelFolder {

    /** OpenCLIP's default eval preprocessing (OpenAI's mean and std, bicubic, shortest side). */
    static final String DEFAULT_PREPROCESS = "{\"mean\":[0.48145466,0.4578275,0.40821073],"
            + "\"std\":[0.26862954,0.26130258,0.27577711],\"interpolation\":\"bicubic\",\"resize_mode\":\"shortest\"}";

    private static final List<String> WEIGHTS = List.of("model.safetensors", "open_clip_model.safetensors");

    private ModelFolder() {}

    /**
     * @param dir a model folder
     * @return its {@code open_clip_config.json} if present, else its {@code config.json}
     * @throws IOException when neither exists
     */
    public static Path configFile(Path dir) throws IOException {
        // OpenCLIP's Hugging Face repositories hold both: open_clip_config.json is the OpenCLIP one
        for (String name : List.of("open_clip_config.json", "config.json")) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IOException(dir + ": no config.json or open_clip_config.json in the model folder");
    }

    /**
     * @param dir a model folder
     * @return its weights file
     * @throws IOException when none is present (we never read pickled .pt/.bin checkpoints)
     */
    public static Path weightsFile(Path dir) throws IOException {
        for (String name : WEIGHTS) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IOException(dir + ": no " + String.join(" or ", WEIGHTS)
                + " (pickled .pt/.bin checkpoints are not read; convert them to safetensors, see README)");
    }

    /**
     * @param dir a model folder
     * @return its tokenizer files by {@link Tokenizers#files}, empty when it uses the shipped BPE
     */
    public static List<Path> tokenizerFiles(Path dir) {
        return Tokenizers.files(dir);
    }

    /**
     * The preprocessing settings of a folder's {@code config.json}, or OpenCLIP's defaults when it has none.
     *
     * @param dir a model folder
     * @return the {@code preprocess_cfg} object
     * @throws IOException when config.json is missing or not JSON
     */
    public static JsonObject preprocessConfig(Path dir) throws IOException {
        Path f = configFile(dir);
        try {
            JsonObject root =
                    Json.parse(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
            if (root.has("preprocess_cfg") && root.get("preprocess_cfg").isJsonObject()) {
                return root.getAsJsonObject("preprocess_cfg");
            }
            JsonObject pre = Json.parse(DEFAULT_PREPROCESS).getAsJsonObject();
            Path hf = dir.resolve("preprocessor_config.json");
            if (Files.isRegularFile(hf)) {
                // Hugging Face CLIPImageProcessor: bicubic shortest-side resize and centre crop, its own mean/std
                JsonObject h =
                        Json.parse(Files.readString(hf, StandardCharsets.UTF_8)).getAsJsonObject();
                if (h.has("image_mean")) {
                    pre.add("mean", h.get("image_mean"));
                }
                if (h.has("image_std")) {
                    pre.add("std", h.get("image_std"));
                }
            }
            return pre;
        } catch (RuntimeException e) {
            throw new IOException(f + ": not a JSON object: " + e.getMessage(), e);
        }
    }

    static void save(ClipModel model, Path dir) throws IOException {
        Files.createDirectories(dir);
        JsonObject root = new JsonObject();
        root.add("model_cfg", model.config().toJson());
        root.add("preprocess_cfg", model.preprocessConfig().deepCopy());
        AtomicFiles.writeString(dir.resolve("config.json"), Json.PRETTY.toJson(root) + "\n");
        Map<String, SafetensorsWriter.Tensor> tensors = new LinkedHashMap<>();
        Map<String, long[]> shapes = ClipShapes.of(model.config());
        model.stateDict().forEach((name, v) -> tensors.put(name, new SafetensorsWriter.Tensor(shapes.get(name), v)));
        Map<String, String> meta = Map.of("format", "pt", "producer", "parrotscope");
        SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors, SafeDType.F32, meta);
        for (Path tok : model.tokenizerFiles()) {
            Path target = dir.resolve(tok.getFileName().toString());
            if (!Files.exists(target) || !Files.isSameFile(tok, target)) {
                AtomicFiles.write(target, out -> Files.copy(tok, out));
            }
        }
    }
}
