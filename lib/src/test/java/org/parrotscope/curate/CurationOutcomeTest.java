package org.parrotscope.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.parrot.StatsColumns;
import tech.tablesaw.api.Table;

/** What notebook 08 reads from the library: skipped curations, the Fig. 3a pie and the score correlation. */
class CurationOutcomeTest {

    @TempDir
    Path tmp;

    @Test
    void curateEach_skipsOnlyTheCurationWhosePoolIsEmpty_namingCriterionAndCount() {
        List<Candidate> c = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            c.add(CurationTest.cand("n" + i, false, 0, 0.2));
        }
        // with text: CoTR 0, 0.5, 0.5; nothing reaches 0.8 or 1
        c.add(CurationTest.cand("t0", true, 0, 0.3));
        c.add(CurationTest.cand("t1", true, 0.5, 0.4));
        c.add(CurationTest.cand("t2", true, 0.5, 0.4));
        CurationInputs in = CurationInputs.of(c, List.of("pool"));
        List<Criterion> criteria = new ArrayList<>(Curations.curationI());
        criteria.addAll(Curations.curationII());
        Curator.Outcome o = Curator.curateEach(in, criteria, 0, 7);
        assertEquals(Map.of("II", o.skipped().get("II")), o.skipped());
        String why = o.skipped().get("II");
        assertTrue(why.contains("criterion CoTR >= 0.8 (II-cotr-ge-0.8) has 0 candidates"), why);
        assertTrue(why.contains("criterion CoTR = 1.0 (II-cotr-eq-1) has 0 candidates"), why);
        // Curation I: random 7, no text 4, text 3 -> all of size 3, and the same sample curate() draws
        assertEquals(3, o.subsets().size());
        o.subsets().forEach(s -> assertEquals(3, s.keys().size()));
        assertEquals(
                Curator.curate(in, Curations.curationI(), 0, 7).stream()
                        .map(Subset::keys)
                        .toList(),
                o.subsets().stream().map(Subset::keys).toList());
    }

    /**
     * Three clusters by hand: 0 = 2 without text (S 0.2) + 1 parrot (0.5); 1 = 1 text not in the caption (0.3) + 3
     * parrots (0.6); 2 = 1 without text (0.4).
     */
    static CurationInputs clustered() {
        List<Candidate> c = new ArrayList<>();
        c.add(CurationTest.cand("a", false, 0, 0.2).withCluster(0));
        c.add(CurationTest.cand("b", false, 0, 0.2).withCluster(0));
        c.add(CurationTest.cand("c", true, 0.5, 0.5).withCluster(0));
        c.add(CurationTest.cand("d", true, 0, 0.3).withCluster(1));
        for (int i = 0; i < 3; i++) {
            c.add(CurationTest.cand("p" + i, true, 1, 0.6).withCluster(1));
        }
        c.add(CurationTest.cand("e", false, 0, 0.4).withCluster(2));
        return CurationInputs.of(c, List.of("pool"));
    }

    @Test
    void split_sharesOverAllClusteredImages_nextToThePapersPie() {
        Table s = ClusterComposition.split(ClusterComposition.table(clustered(), null));
        assertEquals(
                List.of(StatsColumns.NO_TEXT, StatsColumns.TEXT_NO_OVERLAP, StatsColumns.TEXT_OVERLAP),
                s.stringColumn(StatsColumns.CATEGORY).asList());
        // 8 images: 3 without text, 1 with text not in the caption, 4 parrots
        assertEquals(3.0 / 8, s.doubleColumn(StatsColumns.SHARE).getDouble(0), 1e-12);
        assertEquals(1.0 / 8, s.doubleColumn(StatsColumns.SHARE).getDouble(1), 1e-12);
        assertEquals(4.0 / 8, s.doubleColumn(StatsColumns.SHARE).getDouble(2), 1e-12);
        // Fig. 3a's inset pie "Overall Statistics in LAION-2B": 45.4 / 21.2 / 33.4 %
        assertEquals(0.454, s.doubleColumn(ClusterComposition.PAPER_SHARE).getDouble(0), 1e-12);
        assertEquals(0.212, s.doubleColumn(ClusterComposition.PAPER_SHARE).getDouble(1), 1e-12);
        assertEquals(0.334, s.doubleColumn(ClusterComposition.PAPER_SHARE).getDouble(2), 1e-12);
    }

    @Test
    void scoreParrotCorrelation_isPearsonsROverClusters() {
        // clusters' (mean S, parrot share): (0.3, 1/3), (0.525, 3/4), (0.4, 0); numpy.corrcoef gives 0.606557377...
        Table comp = ClusterComposition.table(clustered(), null);
        assertEquals(0.6065573770491803, ClusterComposition.scoreParrotCorrelation(comp), 1e-9);
        Table one = ClusterComposition.table(clustered(), new int[] {0, 0, 0});
        assertTrue(Double.isNaN(ClusterComposition.scoreParrotCorrelation(one)), "one group has no correlation");
    }

    @Test
    void withAblation_readsAFolderOfPerShardFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ablation"));
        String header = String.join(",", CurationInputs.ABLATION_HEADER) + "\n";
        Files.writeString(dir.resolve("00000.csv"), header + "t0,00000,true,0.40,0.30,0.35,0.39,0.40,0.10,0.05\n");
        Files.writeString(dir.resolve("00001.csv"), header + "t1,00001,true,0.50,0.45,0.50,0.49,0.50,0.05,0.00\n");
        Files.writeString(dir.resolve("00001.skipped.jsonl"), "");
        CurationInputs in = CurationInputs.of(
                        List.of(
                                CurationTest.cand("t0", true, 0.5, Double.NaN),
                                CurationTest.cand("t1", true, 0.5, 0.9)),
                        List.of("pool"))
                .withAblation(dir);
        Candidate t0 = in.candidates().get(0);
        Candidate t1 = in.candidates().get(1);
        assertEquals(0.10, t0.rsa(), 1e-12);
        assertEquals(0.05, t0.rsc(), 1e-12);
        assertEquals(0.40, t0.clipScore(), 1e-12, "s_raw fills a missing score");
        assertEquals(0.05, t1.rsa(), 1e-12);
        assertEquals(0.9, t1.clipScore(), 1e-12, "a joined score is kept");
    }

    @Test
    void clusterRun_returnsLabelsAndTheMerge() throws IOException {
        // two tight pairs far apart: 2 clusters, merged into 1 group
        float[] data = {0, 0, 0.01f, 0, 10, 10, 10.01f, 10};
        Embeddings e = new Embeddings(List.of("a", "b", "c", "d"), data, 2);
        ClusterConfig cfg =
                ClusterConfig.builder().optK(2).optComponents(0).optSeed(1).build();
        ClusterRun.Result r = ClusterRun.run(e, cfg, null, 1, tmp);
        assertEquals(r.labels()[0], r.labels()[1]);
        assertEquals(r.labels()[2], r.labels()[3]);
        assertTrue(r.labels()[0] != r.labels()[2]);
        assertEquals(List.of(0, 0), List.of(r.groupOf()[0], r.groupOf()[1]));
        assertNull(ClusterRun.run(e, cfg, null, 0, tmp.resolve("nomerge")).groupOf());
    }
}
