package org.parrotscope.clip;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.util.Json;

/**
 * Writes CLIP embeddings to safetensors files (F32, atomically) in the layout OpenCLIP users load with
 * {@code safetensors.torch.load_file}: {@code image_embeds} and {@code text_embeds} of shape [n, dim], one row per
 * pair in input order.
 */
public final class EmbeddingWriter {

    private EmbeddingWriter() {}

    /**
     * Writes the embeddings of image-caption pairs and their full cosine matrix.
     *
     * @param file the target {@code .safetensors}
     * @param images normalised image embeddings [n, dim]
     * @param texts normalised caption embeddings [n, dim]
     * @param source names the pairs file, stored as the {@code pairs} metadata string
     * @throws IOException when the file cannot be written
     */
    public static void writePairs(Path file, float[][] images, float[][] texts, String source) throws IOException {
        if (images.length != texts.length) {
            throw new IllegalArgumentException(images.length + " image rows but " + texts.length + " text rows");
        }
        int dim = images.length == 0 ? 0 : images[0].length;
        Map<String, SafetensorsWriter.Tensor> t = new LinkedHashMap<>();
        t.put("image_embeds", SafetensorsWriter.Tensor.ofRows(Arrays.asList(images), dim));
        t.put("text_embeds", SafetensorsWriter.Tensor.ofRows(Arrays.asList(texts), dim));
        // image i against caption j: the matrix OpenCLIP's `image_features @ text_features.T` gives
        t.put("cosine", SafetensorsWriter.Tensor.ofRows(Arrays.asList(ClipMath.cosine(images, texts)), texts.length));
        SafetensorsWriter.write(file, t, SafeDType.F32, Map.of("pairs", source));
    }

    /**
     * Writes the embeddings of scored samples, with their keys as a JSON array in the {@code keys} metadata string.
     *
     * @param file the target {@code .safetensors}
     * @param rows the scored samples, in stored order
     * @param dim the embedding width (the second dimension even when there are no rows)
     * @throws IOException when the file cannot be written
     */
    public static void writeScored(Path file, List<ShardScorer.Scored> rows, int dim) throws IOException {
        JsonArray keys = new JsonArray();
        rows.forEach(r -> keys.add(r.key()));
        Map<String, SafetensorsWriter.Tensor> t = new LinkedHashMap<>();
        t.put(
                "image_embeds",
                SafetensorsWriter.Tensor.ofRows(
                        rows.stream().map(ShardScorer.Scored::imageEmbed).toList(), dim));
        t.put(
                "text_embeds",
                SafetensorsWriter.Tensor.ofRows(
                        rows.stream().map(ShardScorer.Scored::textEmbed).toList(), dim));
        SafetensorsWriter.write(file, t, SafeDType.F32, Map.of("keys", Json.COMPACT.toJson(keys)));
    }
}
