package org.parrotscope.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.ShardWriter;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;
import org.parrotscope.parrot.StatsColumns;
import org.parrotscope.train.SubsetManifest;
import org.parrotscope.util.Progress;
import tech.tablesaw.api.Table;

class CurationTest {

    @TempDir
    Path tmp;

    static final Path ABLATION = Path.of("src/test/resources/fixtures/curate/ablation.csv");

    static Candidate cand(String key, boolean text, double cotr, double score) {
        String cat = !text ? StatsColumns.NO_TEXT : cotr > 0 ? StatsColumns.TEXT_OVERLAP : StatsColumns.TEXT_NO_OVERLAP;
        return new Candidate(key, "00000", text, cotr, cat, score, Double.NaN, Double.NaN, -1, Double.NaN);
    }

    /** 10 without text, 6 with text of CoTR 0, 0.25, 0.5, 0.5, 0.8, 1. */
    static CurationInputs pool() {
        List<Candidate> c = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            c.add(cand("n" + i, false, 0, 0.2));
        }
        double[] cotr = {0, 0.25, 0.5, 0.5, 0.8, 1};
        for (int i = 0; i < cotr.length; i++) {
            c.add(cand("t" + i, true, cotr[i], 0.4));
        }
        return CurationInputs.of(c, List.of("pool"));
    }

    @Test
    void fromOcr_readsSpottedTextAndCotr_notTheGroundTruth() throws Exception {
        Path shards = tmp.resolve("shards");
        try (ShardWriter w = ShardWriter.open(shards.resolve("00000.tar"))) {
            JsonObject lyingTruth = new JsonObject();
            lyingTruth.addProperty("has_text", true); // curation must ignore metadata
            w.write(new Sample("k1", "big sale today", "jpg", new byte[] {1}, lyingTruth, "s"));
            w.write(new Sample("k2", "a dog", "jpg", new byte[] {1}, lyingTruth, "s"));
            w.write(new Sample("k3", "a cat", "jpg", new byte[] {1}, lyingTruth, "s"));
        }
        Path ocr = tmp.resolve("ocr");
        OcrJsonl.write(
                ocr.resolve("00000.jsonl"),
                List.of(
                        OcrRecord.ok("k1", "t", 10, 10, List.of(SpottedWord.ofBox("sale", 1f, new Box(0, 0, 2, 2)))),
                        OcrRecord.ok("k2", "t", 10, 10, List.of()),
                        OcrRecord.ok("k3", "t", 10, 10, List.of(SpottedWord.ofBox("STOP", 1f, new Box(0, 0, 2, 2))))));
        CurationInputs in = CurationInputs.fromOcr(
                Datasets.resolve(List.of(shards.toString())), List.of(shards.toString()), ocr, Progress.silent());
        List<Candidate> c = in.candidates();
        assertEquals(3, c.size());
        // Algorithm 1: 1 of the caption's 3 words is spotted
        assertEquals(1.0 / 3, c.get(0).cotr(), 1e-12);
        assertEquals(StatsColumns.TEXT_OVERLAP, c.get(0).category());
        assertFalse(c.get(1).hasText());
        assertEquals(StatsColumns.NO_TEXT, c.get(1).category());
        assertTrue(c.get(2).hasText());
        assertEquals(0.0, c.get(2).cotr());
        assertEquals(StatsColumns.TEXT_NO_OVERLAP, c.get(2).category());
    }

    @Test
    void curationII_poolsFollowTheThresholds_andShareTheSmallestSize() {
        List<Subset> s = Curator.curate(pool(), Curations.curationII(), 0, 1);
        // pools: CoTR = 0 -> {t0}; >= 0.3 -> {t2,t3,t4,t5}; >= 0.5 -> same 4; >= 0.8 -> {t4,t5}; = 1 -> {t5}
        assertEquals(List.of(1, 4, 4, 2, 1), s.stream().map(Subset::pool).toList());
        assertTrue(s.stream().allMatch(x -> x.keys().size() == 1));
        assertEquals(List.of("t0"), s.get(0).keys());
        assertEquals(List.of("t5"), s.get(4).keys());
    }

    @Test
    void curationI_explicitSize_sameSeedSameSample_otherSeedDiffers() {
        List<Subset> a = Curator.curate(pool(), Curations.curationI(), 5, 7);
        List<Subset> b = Curator.curate(pool(), Curations.curationI(), 5, 7);
        assertEquals(a, b);
        assertEquals(List.of(16, 10, 6), a.stream().map(Subset::pool).toList());
        assertTrue(a.get(1).keys().stream().allMatch(k -> k.startsWith("n")));
        assertTrue(a.get(2).keys().stream().allMatch(k -> k.startsWith("t")));
        boolean anyDiffers = false;
        for (long seed = 8; seed < 20 && !anyDiffers; seed++) {
            anyDiffers = !Curator.curate(pool(), Curations.curationI(), 5, seed)
                    .get(1)
                    .keys()
                    .equals(a.get(1).keys());
        }
        assertTrue(anyDiffers, "the sample depends on the seed");
    }

    @Test
    void tooSmall_namesTheCriterionAndItsCount() {
        SubsetTooSmallException e =
                assertThrows(SubsetTooSmallException.class, () -> Curator.curate(pool(), Curations.curationI(), 8, 1));
        assertEquals(Map.of("w/ Emb. Text Only (I-text-only)", 6), e.shortfalls());
        assertTrue(
                e.getMessage().contains("criterion w/ Emb. Text Only (I-text-only) has 6 candidates"), e.getMessage());
    }

    @Test
    void curationIII_readsTheAblationCsv() throws IOException {
        List<Candidate> c = new ArrayList<>();
        for (String k : List.of("a", "b", "c", "d", "e,1")) {
            c.add(cand(k, !k.equals("a"), 0, Double.NaN));
        }
        CurationInputs in = CurationInputs.of(c, List.of("pool")).withAblation(ABLATION);
        Map<String, Integer> pools = new java.util.LinkedHashMap<>();
        for (Criterion cr : Curations.curationIII()) {
            int n = (int) in.candidates().stream().filter(cr.test()).count();
            pools.put(cr.id(), n);
        }
        // rsa: b .05, c .22, d -.02, e .35; rsc: b .02, c .17, d -.01, e .32 (hand-written fixture)
        assertEquals(
                Map.of(
                        "III-rsa-lt-0",
                        1,
                        "III-rsa-ge-0.0",
                        3,
                        "III-rsa-ge-0.1",
                        2,
                        "III-rsa-ge-0.2",
                        2,
                        "III-rsa-ge-0.3",
                        1,
                        "III-rsc-lt-0",
                        1,
                        "III-rsc-ge-0.0",
                        3,
                        "III-rsc-ge-0.1",
                        2,
                        "III-rsc-ge-0.2",
                        1,
                        "III-rsc-ge-0.3",
                        1),
                pools);
        assertEquals(0.42, in.candidates().get(2).clipScore(), 1e-12, "s_raw fills a missing raw score");
    }

    @Test
    void ablation_withAnotherHeader_isRejectedNamingTheFile() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "key,rsa\nx,0.1\n");
        IOException e = assertThrows(
                IOException.class,
                () -> CurationInputs.of(List.of(), List.of("p")).withAblation(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void statistics_andManifests_matchAHandCount() throws IOException {
        List<Subset> s = Curator.curate(pool(), Curations.curationI(), 6, 3);
        Table t = Curator.statistics(pool(), s);
        // text-only: every image has text; mean CoTR (0+.25+.5+.5+.8+1)/6; Avg. S 0.4
        assertEquals(1.0, t.doubleColumn(Curator.TEXT_RATE).getDouble(2));
        assertEquals(3.05 / 6, t.doubleColumn(Curator.MEAN_COTR).getDouble(2), 1e-12);
        assertEquals(0.4, t.doubleColumn(Curator.AVG_S).getDouble(2), 1e-12);
        assertEquals(0.0, t.doubleColumn(Curator.TEXT_RATE).getDouble(1));
        assertTrue(Double.isNaN(t.doubleColumn(Curator.MEAN_RSA).getDouble(1)));
        Map<String, Path> files =
                Curator.writeManifests(s, List.of(tmp.resolve("pool").toString()), tmp.resolve("m"));
        SubsetManifest m = SubsetManifest.load(files.get("I-text-only"));
        assertEquals(Set.of("t0", "t1", "t2", "t3", "t4", "t5"), m.keys());
        assertEquals(List.of(tmp.resolve("pool").toString()), m.shards());
    }

    @Test
    void debiased_dropsText_lowScores_lowAesthetics_andNearDuplicatesWithinAClusterOnly() throws IOException {
        List<Candidate> c = List.of(
                cand("hi", false, 0, 0.40).withCluster(0),
                cand("dupOfHi", false, 0, 0.35).withCluster(0), // cosine 0.9995 with hi: dropped
                cand("other", false, 0, 0.33).withCluster(0), // orthogonal to hi: kept
                cand("sameButOtherCluster", false, 0, 0.34).withCluster(1), // same vector as hi, other cluster: kept
                cand("low", false, 0, 0.25).withCluster(0),
                cand("text", true, 0.5, 0.45).withCluster(0),
                cand("ugly", false, 0, 0.5).withCluster(1));
        Embeddings e = new Embeddings(
                List.of("hi", "dupOfHi", "other", "sameButOtherCluster", "low", "text", "ugly"),
                new float[] {1, 0, 1, 0.03f, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1},
                2);
        Path aest = tmp.resolve("aesthetic.csv");
        Files.writeString(
                aest, "key,aesthetic\nhi,5\ndupOfHi,5\nother,6\nsameButOtherCluster,5\nlow,9\ntext,9\nugly,3\n");
        CurationInputs in = CurationInputs.of(c, List.of("p")).withAesthetic(aest);
        Criterion d = DebiasedRecipe.builder().build().criterion(in, e);
        List<String> kept =
                in.candidates().stream().filter(d.test()).map(Candidate::key).toList();
        assertEquals(List.of("hi", "other", "sameButOtherCluster"), kept);
        assertNotEquals(-1, d.label().indexOf("aesthetic > 4.5"));
    }

    @Test
    void composition_countsCategoriesPerCluster_sortedByMeanScore() {
        List<Candidate> c = List.of(
                cand("a", false, 0, 0.2).withCluster(0),
                cand("b", true, 0, 0.3).withCluster(0),
                cand("c", true, 0.5, 0.5).withCluster(1),
                cand("d", true, 1, 0.7).withCluster(1),
                cand("e", false, 0, 0.6).withCluster(1),
                cand("f", false, 0, 0.9).withCluster(-1));
        CurationInputs in = CurationInputs.of(c, List.of("p"));
        Table t = ClusterComposition.table(in, null);
        // cluster 1 mean (0.5+0.7+0.6)/3 = 0.6 beats cluster 0's 0.25
        assertEquals(List.of(1, 0), t.intColumn(ClusterComposition.CLUSTER).asList());
        assertEquals(List.of(1, 1), t.intColumn(StatsColumns.NO_TEXT).asList());
        assertEquals(List.of(0, 1), t.intColumn(StatsColumns.TEXT_NO_OVERLAP).asList());
        assertEquals(List.of(2, 0), t.intColumn(StatsColumns.TEXT_OVERLAP).asList());
        assertEquals(0.6, t.doubleColumn(ClusterComposition.MEAN_SCORE).getDouble(0), 1e-12);
        assertEquals(2.0 / 3, t.doubleColumn(ClusterComposition.PARROT_SHARE).getDouble(0), 1e-12);
        // merged into one group: 5 images
        Table merged = ClusterComposition.table(in, new int[] {0, 0});
        assertEquals(5, merged.intColumn(ClusterComposition.IMAGES).getInt(0));
        List<Candidate> top = ClusterComposition.topSamples(in, t, 1, 1, 2);
        assertEquals(List.of("d", "e"), top.stream().map(Candidate::key).toList());
        assertTrue(ClusterComposition.figure(t).asJavascript("x").contains("text_overlap"));
    }
}
