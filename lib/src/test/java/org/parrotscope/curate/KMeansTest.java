package org.parrotscope.curate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansTest {

    /** Blobs of standard deviation 0.1 around centres 10 apart: every correct clustering is this partition. */
    static float[] blobs(int perBlob, int blobs, int dim, int[] truth, long seed) {
        Random rng = new Random(seed);
        float[][] centre = new float[blobs][dim];
        for (int b = 0; b < blobs; b++) {
            centre[b][b % dim] = 10 * (1 + b / dim);
        }
        float[] data = new float[perBlob * blobs * dim];
        for (int i = 0; i < perBlob * blobs; i++) {
            int b = i % blobs;
            truth[i] = b;
            for (int j = 0; j < dim; j++) {
                data[i * dim + j] = centre[b][j] + (float) (0.1 * rng.nextGaussian());
            }
        }
        return data;
    }

    @Test
    void fit_onSeparatedBlobs_recoversTheGeneratingPartition() {
        int[] truth = new int[600];
        float[] data = blobs(100, 6, 4, truth, 7);
        KMeans.Result r = KMeans.fit(data, 4, 6, 42, 100, 1e-4, 2);
        int[] labels = new int[600];
        KMeans.assign(data, 4, r.centroids(), 6, 2, labels, null);
        Map<Integer, Integer> blobOfCluster = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            Integer prev = blobOfCluster.putIfAbsent(labels[i], truth[i]);
            assertTrue(prev == null || prev == truth[i], "cluster " + labels[i] + " mixes blobs");
        }
        assertEquals(6, blobOfCluster.size(), "one cluster per blob");
        assertTrue(r.converged());
        // inertia of the true partition: about n·dim·σ² = 600·4·0.01
        assertEquals(24.0, r.inertia(), 4.0);
    }

    @Test
    void fit_sameSeedSameCentroids_otherSeedOtherStart() {
        int[] truth = new int[3000];
        float[] data = blobs(100, 30, 8, truth, 9);
        KMeans.Result a = KMeans.fit(data, 8, 12, 5, 3, 0, 1);
        KMeans.Result b = KMeans.fit(data, 8, 12, 5, 3, 0, 3);
        KMeans.Result c = KMeans.fit(data, 8, 12, 6, 3, 0, 1);
        assertArrayEquals(a.centroids(), b.centroids(), "thread count does not change the result");
        assertNotEquals(java.util.Arrays.toString(a.centroids()), java.util.Arrays.toString(c.centroids()));
    }

    @Test
    void fit_handComputedTwoClusters() {
        // 1-D points {0, 1, 10, 11}: centroids 0.5 and 10.5 from any k-means++ start, inertia 4 × 0.25
        float[] data = {0, 1, 10, 11};
        KMeans.Result r = KMeans.fit(data, 1, 2, 1, 10, 0, 1);
        float[] c = r.centroids().clone();
        java.util.Arrays.sort(c);
        assertArrayEquals(new float[] {0.5f, 10.5f}, c, 1e-6f);
        assertEquals(1.0, r.inertia(), 1e-9);
    }

    @Test
    void fit_moreClustersThanRows_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(new float[] {0, 1}, 1, 3, 1, 10, 0, 1));
    }
}
