package org.parrotscope.curate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.util.AtomicFiles;

/** The {@code key,cluster} CSV that {@code parrotscope cluster} writes: each sample's cluster. */
public final class ClusterAssignments {

    /** The header. */
    public static final List<String> HEADER = List.of("key", "cluster");

    private ClusterAssignments() {}

    /**
     * Fits k-means (with the configuration's PCA) to embeddings and assigns every row to its nearest centroid.
     *
     * @param embeddings the rows and their keys
     * @param config PCA width, k, seed and iteration settings
     * @return cluster number (as text) by key, in row order
     */
    public static Map<String, String> fit(Embeddings embeddings, ClusterConfig config) {
        int[] c = ClusterModel.fit(embeddings, config).assign(embeddings, config.threads());
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < c.length; i++) {
            out.put(embeddings.keys().get(i), Integer.toString(c[i]));
        }
        return out;
    }

    /**
     * Writes the assignments atomically.
     *
     * @param file the target
     * @param keys the sample keys
     * @param clusters the cluster of each key
     * @throws IOException when writing fails
     */
    public static void write(Path file, List<String> keys, int[] clusters) throws IOException {
        if (keys.size() != clusters.length) {
            throw new IllegalArgumentException(keys.size() + " keys for " + clusters.length + " clusters");
        }
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (int i = 0; i < clusters.length; i++) {
            sb.append(KeyCsv.quote(keys.get(i))).append(',').append(clusters[i]).append('\n');
        }
        AtomicFiles.write(file, o -> o.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Reads assignments.
     *
     * @param file a file written by {@link #write}
     * @return key to cluster, in file order
     * @throws IOException naming the file and line of a malformed record or a repeated key
     */
    public static Map<String, Integer> read(Path file) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (KeyCsv.Line l : KeyCsv.read(file, HEADER)) {
            int c;
            try {
                c = Integer.parseInt(l.fields().get(1).strip());
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + l.number() + ": cluster is not an integer", e);
            }
            if (c < 0) {
                throw new IOException(file + ":" + l.number() + ": negative cluster " + c);
            }
            if (out.put(l.fields().get(0), c) != null) {
                throw new IOException(
                        file + ":" + l.number() + ": key " + l.fields().get(0) + " repeated");
            }
        }
        return out;
    }
}
