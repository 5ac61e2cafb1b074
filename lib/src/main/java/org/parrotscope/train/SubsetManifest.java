package org.parrotscope.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;

/**
 * A training subset over shards (paper Step 7: curated subsets of one pool): a JSON file
 * {@code {"shards": ["pool/{00000..00009}.tar"], "keys": ["000000012", ...]}}. Shard specs are resolved relative
 * to the manifest's folder; only samples whose key is listed are used. A manifest without {@code keys} uses
 * every sample of its shards.
 *
 * @param shards shard specs (paths, folders or brace patterns, as {@code Datasets.resolve} accepts)
 * @param keys the sample keys to use; empty = all
 */
public record SubsetManifest(List<String> shards, Set<String> keys) {

    /** Validates and copies. */
    public SubsetManifest {
        shards = List.copyOf(shards);
        keys = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(keys));
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("a subset manifest needs at least one shard spec");
        }
    }

    /**
     * Whether a path looks like a manifest (a {@code .json} file) rather than a shard spec.
     *
     * @param spec the {@code --data} argument
     * @return true for a manifest
     */
    public static boolean isManifest(String spec) {
        return spec.endsWith(".json") && Files.isRegularFile(Path.of(spec));
    }

    /**
     * Reads a manifest, resolving relative shard specs against its folder.
     *
     * @param file the manifest
     * @return the manifest
     * @throws IOException naming the file when it is unreadable or malformed
     */
    public static SubsetManifest load(Path file) throws IOException {
        try {
            JsonObject o =
                    Json.parse(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            Path base = file.toAbsolutePath().getParent();
            List<String> shards = new ArrayList<>();
            for (var e : o.getAsJsonArray("shards")) {
                String s = e.getAsString();
                shards.add(Path.of(s).isAbsolute() ? s : base.resolve(s).toString());
            }
            Set<String> keys = new LinkedHashSet<>();
            if (o.has("keys")) {
                o.getAsJsonArray("keys").forEach(k -> keys.add(k.getAsString()));
            }
            return new SubsetManifest(shards, keys);
        } catch (RuntimeException e) {
            throw new IOException(
                    file + ": malformed subset manifest (expected {\"shards\": [...], \"keys\": [...]}): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Writes the manifest atomically.
     *
     * @param file the target
     */
    public void save(Path file) {
        JsonObject o = new JsonObject();
        JsonArray s = new JsonArray();
        shards.forEach(s::add);
        o.add("shards", s);
        JsonArray k = new JsonArray();
        keys.forEach(k::add);
        o.add("keys", k);
        AtomicFiles.writeString(file, Json.PRETTY.toJson(o));
    }
}
