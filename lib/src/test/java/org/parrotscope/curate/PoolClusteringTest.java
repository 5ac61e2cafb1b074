package org.parrotscope.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.clip.EmbeddingWriter;
import org.parrotscope.clip.ShardScorer;

class PoolClusteringTest {

    @TempDir
    Path tmp;

    @Test
    void k_isAboutOneClusterPerTwentyImages_boundedByTwoNAndThePapersK() {
        assertEquals(1, PoolClustering.k(1));
        assertEquals(2, PoolClustering.k(2)); // round(0.1) = 0, raised to 2
        assertEquals(2, PoolClustering.k(30)); // round(1.5) = 2
        assertEquals(3, PoolClustering.k(50)); // round(2.5) = 3 (half up)
        assertEquals(25, PoolClustering.k(500));
        assertEquals(4000, PoolClustering.k(1_000_000)); // 50,000 capped at the paper's 4,000
        assertThrows(IllegalArgumentException.class, () -> PoolClustering.k(0));
    }

    @Test
    void components_areHalfTheWidth_atMost256_andFewerThanTheRows() {
        assertEquals(256, PoolClustering.components(10_000, 512));
        assertEquals(32, PoolClustering.components(500, 64));
        assertEquals(9, PoolClustering.components(10, 64));
        assertEquals(0, PoolClustering.components(2, 64));
        assertEquals(1, PoolClustering.components(500, 2));
    }

    @Test
    void ofAblation_findsFourSeparatedBlobs_withTheRulesK_andSaysItIsOurs() throws IOException {
        // 80 embeddings of width 8 in four tight blobs around orthogonal axes: k = round(80 / 20) = 4
        SplittableRandom rng = new SplittableRandom(3);
        List<ShardScorer.Scored> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            float[] img = new float[8];
            img[i % 4] = 1f;
            for (int d = 0; d < 8; d++) {
                img[d] += (float) (rng.nextDouble() - 0.5) * 0.05f;
            }
            rows.add(new ShardScorer.Scored("k" + i, 0f, img, new float[8]));
        }
        EmbeddingWriter.writeScored(tmp.resolve("00000" + Embeddings.SUFFIX), rows.subList(0, 40), 8);
        EmbeddingWriter.writeScored(tmp.resolve("00001" + Embeddings.SUFFIX), rows.subList(40, 80), 8);

        PoolClustering c = PoolClustering.ofAblation(tmp, 0, 5, 2);
        assertEquals(80, c.images());
        assertEquals(4, c.k());
        assertEquals(4, c.config().components());
        assertEquals(80, c.clusters().size());
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < 80; i++) {
            assertEquals(c.clusters().get("k" + (i % 4)), c.clusters().get("k" + i), "same blob, same cluster");
            labels.add(c.clusters().get("k" + i));
        }
        assertEquals(4, labels.size());
        assertNotEquals(c.clusters().get("k0"), c.clusters().get("k1"));
        assertEquals("ours: PCA 4 + k-means, k = 4", c.label());
        assertTrue(c.describe().startsWith("our clustering, not the paper's 4,000 clusters"), c.describe());
        assertTrue(c.describe().contains("about one cluster per 20 images"), c.describe());

        Path csv = tmp.resolve("clusters.csv");
        c.write(csv);
        ClusterAssignments.read(csv)
                .forEach((key, cluster) -> assertEquals(c.clusters().get(key), cluster.toString()));
        assertEquals(80, ClusterAssignments.read(csv).size());

        PoolClustering given = PoolClustering.ofAblation(tmp, 2, 5, 2);
        assertEquals(2, given.k());
        assertTrue(given.describe().contains("(given)"), given.describe());
        PoolClustering capped = PoolClustering.ofAblation(tmp, 100, 5, 2);
        assertEquals(80, capped.k(), "every image its own cluster");
        assertEquals(80, Set.copyOf(capped.clusters().values()).size());
        assertTrue(capped.describe().contains("K = 100 given, capped"), capped.describe());
    }

    @Test
    void ofAblation_withoutEmbeddings_namesTheFolderAndTheOption() {
        IOException e = assertThrows(IOException.class, () -> PoolClustering.ofAblation(tmp, 0, 0, 1));
        assertTrue(e.getMessage().contains(tmp.toString()) && e.getMessage().contains("--embeddings"), e.getMessage());
    }
}
