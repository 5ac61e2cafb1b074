package org.parrotscope.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterAssignmentsFitTest {

    @Test
    void fit_putsTwoSeparatedBlobsInTwoClusters_keyedInRowOrder() {
        // a1..a3 near (1, 0), b1..b3 near (0, 1)
        float[] data = {1f, 0f, 0.98f, 0.02f, 0.97f, 0.01f, 0f, 1f, 0.02f, 0.99f, 0.01f, 0.97f};
        Embeddings e = new Embeddings(List.of("a1", "a2", "a3", "b1", "b2", "b3"), data, 2);
        Map<String, String> c = ClusterAssignments.fit(
                e,
                ClusterConfig.builder()
                        .optComponents(0)
                        .optK(2)
                        .optSeed(1)
                        .optThreads(1)
                        .build());
        assertEquals(List.of("a1", "a2", "a3", "b1", "b2", "b3"), List.copyOf(c.keySet()));
        assertEquals(c.get("a1"), c.get("a2"));
        assertEquals(c.get("a1"), c.get("a3"));
        assertEquals(c.get("b1"), c.get("b3"));
        assertNotEquals(c.get("a1"), c.get("b1"));
    }
}
