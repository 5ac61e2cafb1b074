package org.parrotscope.curate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.parrotscope.util.AtomicFiles;

/**
 * What {@code parrotscope cluster} does: fit a clustering to embeddings (or load a saved one), assign every
 * embedding and write {@code clusters.safetensors}, {@code assignments.csv} ({@code key,cluster}) and, when
 * asked, {@code merged.csv} ({@code cluster,group}) into one folder, each file atomically.
 */
public final class ClusterRun {

    /** The model file name. */
    public static final String MODEL = "clusters.safetensors";
    /** The assignment file name. */
    public static final String ASSIGNMENTS = "assignments.csv";
    /** The merge file name. */
    public static final String MERGED = "merged.csv";

    /**
     * The outcome.
     *
     * @param model the clustering used
     * @param assigned embeddings assigned
     * @param nonEmpty clusters that received at least one embedding
     * @param fitted whether the model was fitted in this run (false: loaded)
     * @param labels the cluster of each embedding, in input order
     * @param groupOf the merged group of each cluster ({@link ClusterMerge}), or null when not merged
     */
    public record Result(ClusterModel model, int assigned, int nonEmpty, boolean fitted, int[] labels, int[] groupOf) {}

    private ClusterRun() {}

    /**
     * Runs the clustering.
     *
     * @param e the embeddings
     * @param config fit settings (ignored for a loaded model except the thread count)
     * @param saved a model to assign with instead of fitting, or null
     * @param mergeGroups merge into this many groups, or 0 for none
     * @param out the output folder
     * @return what was done
     * @throws IOException when a file cannot be read or written
     */
    public static Result run(Embeddings e, ClusterConfig config, Path saved, int mergeGroups, Path out)
            throws IOException {
        ClusterModel m = saved == null ? ClusterModel.fit(e, config) : ClusterModel.load(saved);
        int[] labels = m.assign(e, config.threads());
        if (saved == null) {
            m.save(out.resolve(MODEL));
        }
        ClusterAssignments.write(out.resolve(ASSIGNMENTS), e.keys(), labels);
        long[] sizes = new long[m.k()];
        for (int l : labels) {
            sizes[l]++;
        }
        int nonEmpty = 0;
        for (long s : sizes) {
            nonEmpty += s > 0 ? 1 : 0;
        }
        int[] g = null;
        if (mergeGroups > 0) {
            g = ClusterMerge.merge(m, sizes, mergeGroups, config.seed());
            StringBuilder sb = new StringBuilder("cluster,group\n");
            for (int c = 0; c < g.length; c++) {
                sb.append(c).append(',').append(g[c]).append('\n');
            }
            AtomicFiles.write(out.resolve(MERGED), o -> o.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return new Result(m, labels.length, nonEmpty, saved == null, labels, g);
    }
}
