package org.parrotscope.curate;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.parrotscope.clip.SafetensorsFile;
import org.parrotscope.clip.TensorInfo;
import org.parrotscope.util.Json;

/**
 * CLIP image embeddings with their sample keys, as rows of one flat array ({@code n × dim}, row-major).
 * {@link #read} loads the {@code <shard>.embeddings.safetensors} files that {@code parrotscope score
 * --embeddings} writes (tensor {@code image_embeds}, metadata {@code keys}).
 *
 * @param keys the sample key of each row
 * @param data the rows, {@code keys.size() × dim} values
 * @param dim the embedding width
 */
public record Embeddings(List<String> keys, float[] data, int dim) {

    /** The file suffix {@code parrotscope score --embeddings} writes. */
    public static final String SUFFIX = ".embeddings.safetensors";

    /** Validates the shape and copies the key list. */
    public Embeddings {
        keys = List.copyOf(keys);
        Objects.requireNonNull(data, "data");
        if (dim <= 0) {
            throw new IllegalArgumentException("embedding width must be positive, got " + dim);
        }
        if ((long) keys.size() * dim != data.length) {
            throw new IllegalArgumentException(keys.size() + " keys × " + dim + " dims != " + data.length + " values");
        }
    }

    /** @return the number of rows */
    public int size() {
        return keys.size();
    }

    /**
     * @param i a row index
     * @return a copy of row {@code i}
     */
    public float[] row(int i) {
        float[] r = new float[dim];
        System.arraycopy(data, i * dim, r, 0, dim);
        return r;
    }

    /**
     * Reads and concatenates embedding files in order; a folder stands for its {@code *.embeddings.safetensors}
     * files in name order.
     *
     * @param paths files or folders
     * @return all rows
     * @throws IOException naming the file when it cannot be read, lacks {@code image_embeds} or {@code keys}, or
     *     its width differs from the others'
     */
    public static Embeddings read(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no embedding files (*" + SUFFIX + ") in " + paths);
        }
        List<String> keys = new ArrayList<>();
        List<float[]> parts = new ArrayList<>();
        int dim = -1;
        long total = 0;
        for (Path f : files) {
            try (SafetensorsFile st = SafetensorsFile.open(f)) {
                if (!st.contains("image_embeds")) {
                    throw new IOException(
                            f + ": no tensor image_embeds (write it with `parrotscope score --embeddings`)");
                }
                TensorInfo info = st.info("image_embeds");
                long[] shape = info.shape();
                if (shape.length != 2) {
                    throw new IOException(f + ": image_embeds must be 2-D [n, dim]");
                }
                String meta = st.metadata().get("keys");
                if (meta == null) {
                    throw new IOException(f + ": no \"keys\" metadata naming the rows");
                }
                JsonArray k;
                try {
                    k = Json.parse(meta).getAsJsonArray();
                } catch (RuntimeException e) {
                    throw new IOException(f + ": \"keys\" metadata is not a JSON array: " + e.getMessage(), e);
                }
                if (k.size() != shape[0]) {
                    throw new IOException(f + ": " + k.size() + " keys for " + shape[0] + " rows");
                }
                if (dim >= 0 && shape[1] != dim) {
                    throw new IOException(f + ": width " + shape[1] + " differs from the earlier files' " + dim);
                }
                dim = (int) shape[1];
                k.forEach(e -> keys.add(e.getAsString()));
                parts.add(st.floats("image_embeds"));
                total += shape[0] * shape[1];
            }
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IOException("too many embeddings for one array: " + total + " values");
        }
        float[] data = new float[(int) total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, data, at, p.length);
            at += p.length;
        }
        return new Embeddings(keys, data, Math.max(dim, 1));
    }
}
