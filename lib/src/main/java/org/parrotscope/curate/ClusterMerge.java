package org.parrotscope.curate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Merges the k clusters into M groups for plots (the paper merges 4,000 into 100 for Figs. 3a and 5 without
 * saying how). Ours: k-means with k = M on the k centroids (unweighted, so a group is a region of embedding
 * space, not a share of the data), then groups numbered by their number of images, largest first, as the
 * paper's merged clusters appear ordered.
 */
public final class ClusterMerge {

    private ClusterMerge() {}

    /**
     * Merges clusters.
     *
     * @param model the clustering
     * @param sizes images per cluster (length k), for the group order
     * @param groups M, 1..k
     * @param seed the seed of the k-means on the centroids
     * @return the group of each cluster, 0 = the group with most images
     */
    public static int[] merge(ClusterModel model, long[] sizes, int groups, long seed) {
        int k = model.k();
        if (groups < 1 || groups > k) {
            throw new IllegalArgumentException("cannot merge " + k + " clusters into " + groups + " groups");
        }
        if (sizes.length != k) {
            throw new IllegalArgumentException(sizes.length + " cluster sizes for " + k + " clusters");
        }
        KMeans.Result r = KMeans.fit(model.centroids(), model.dim(), groups, seed, 300, 1e-6, 1);
        int[] raw = new int[k];
        KMeans.assign(model.centroids(), model.dim(), r.centroids(), groups, 1, raw, null);
        long[] total = new long[groups];
        for (int c = 0; c < k; c++) {
            total[raw[c]] += sizes[c];
        }
        Integer[] order = IntStream.range(0, groups).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingLong(g -> -total[g]).thenComparingInt(g -> g));
        int[] rank = new int[groups];
        for (int i = 0; i < groups; i++) {
            rank[order[i]] = i;
        }
        int[] out = new int[k];
        for (int c = 0; c < k; c++) {
            out[c] = rank[raw[c]];
        }
        return out;
    }
}
