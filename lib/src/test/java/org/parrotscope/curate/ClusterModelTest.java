package org.parrotscope.curate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterModelTest {

    @TempDir
    Path tmp;

    static Embeddings blobs(int[] truth) {
        float[] data = KMeansTest.blobs(50, 4, 6, truth, 11);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            keys.add(String.format("%05d", i));
        }
        return new Embeddings(keys, data, 6);
    }

    @Test
    void saveLoad_assignsNewEmbeddingsAsTheFittedModelDoes() throws IOException {
        int[] truth = new int[200];
        Embeddings e = blobs(truth);
        ClusterModel m = ClusterModel.fit(
                e,
                ClusterConfig.builder()
                        .optComponents(3)
                        .optK(4)
                        .optSeed(1)
                        .optThreads(2)
                        .build());
        Path f = tmp.resolve("clusters.safetensors");
        m.save(f);
        ClusterModel back = ClusterModel.load(f);
        assertArrayEquals(m.centroids(), back.centroids());
        assertArrayEquals(m.pca().components(), back.pca().components());
        int[] a = m.assign(e, 1);
        assertArrayEquals(a, back.assign(e, 2));
        // each blob lands in one cluster (PCA to 3 dims keeps the 4 well-separated centres apart)
        for (int i = 0; i < truth.length; i++) {
            assertEquals(a[truth[i]], a[i], "row " + i);
        }
        assertEquals(4, java.util.Arrays.stream(a).distinct().count());
    }

    @Test
    void assignments_roundTripThroughTheCsv() throws IOException {
        Path f = tmp.resolve("a.csv");
        ClusterAssignments.write(f, List.of("k,1", "k2"), new int[] {3, 0});
        assertEquals("key,cluster\n\"k,1\",3\nk2,0\n", Files.readString(f));
        assertEquals(Map.of("k,1", 3, "k2", 0), ClusterAssignments.read(f));
    }

    @Test
    void load_ofAnotherSafetensorsFile_namesTheFile() throws IOException {
        Path f = tmp.resolve("other.safetensors");
        org.parrotscope.clip.SafetensorsWriter.write(
                f,
                Map.of("x", new org.parrotscope.clip.SafetensorsWriter.Tensor(new long[] {1}, new float[] {1})),
                org.parrotscope.clip.SafeDType.F32,
                Map.of());
        IOException ex = assertThrows(IOException.class, () -> ClusterModel.load(f));
        assertEquals(true, ex.getMessage().contains(f.toString()));
    }

    @Test
    void merge_groupsNeighbouringCentroids_largestGroupFirst() {
        // centroids 0, 1, 10, 11, 12 on a line: two groups {0,1} and {10,11,12}; the second holds more images
        ClusterModel m = new ClusterModel(null, new float[] {0, 1, 10, 11, 12}, 5, 0, Double.NaN);
        int[] g = ClusterMerge.merge(m, new long[] {5, 5, 1, 1, 1}, 2, 3);
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, g, "{0,1} has 10 images, {10,11,12} has 3");
        int[] g2 = ClusterMerge.merge(m, new long[] {1, 1, 5, 5, 5}, 2, 3);
        assertArrayEquals(new int[] {1, 1, 0, 0, 0}, g2);
    }
}
