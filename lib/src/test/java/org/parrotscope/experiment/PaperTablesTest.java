package org.parrotscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parrotscope.parrot.PaperNumbers;
import tech.tablesaw.api.Table;

/** The tables of {@link PaperTables} on hand-made results: the paper's rows, columns and published values. */
class PaperTablesTest {

    /** The paper's Curation II labels in Table 4's order. */
    static final List<String> TABLE4 = List.of("CoTR = 0.0", "CoTR >= 0.3", "CoTR >= 0.5", "CoTR >= 0.8", "CoTR = 1.0");

    static JsonObject row(
            String id, String label, String curation, long seed, double top1, double sync, double written) {
        JsonObject o = new JsonObject();
        o.addProperty("subset", id);
        o.addProperty("label", label);
        o.addProperty("curation", curation);
        o.addProperty("seed", seed);
        o.addProperty("size", 100);
        o.addProperty("pool", 120);
        o.addProperty("text_rate", 1.0);
        o.addProperty("mean_cotr", 0.5);
        o.addProperty("avg_s", 0.3);
        JsonObject z = new JsonObject();
        z.addProperty("top1", top1);
        o.add("zeroshot", z);
        JsonObject ret = new JsonObject();
        ret.addProperty("i2t_r1", 0.2);
        ret.addProperty("t2i_r1", 0.4);
        o.add("retrieval", ret);
        JsonObject s = new JsonObject();
        s.addProperty("mean", sync);
        s.addProperty("std", 0.01);
        JsonArray a = new JsonArray();
        a.add(sync - 0.01);
        a.add(sync + 0.01);
        s.add("scores", a);
        o.add("sync", s);
        JsonObject t = new JsonObject();
        t.addProperty("written_class_rate", written);
        o.add("typographic", t);
        JsonObject h = new JsonObject();
        HeldOutScores.KEYS.forEach(k -> h.addProperty(k, 0.25));
        o.add("heldout", h);
        return o;
    }

    /** Results of Curations I and II with the given seeds; values depend on the subset and seed as stated. */
    static ExperimentResults results(List<Long> seeds) {
        JsonObject cfg = ExperimentConfig.defaults().withSeeds(seeds).toJson();
        JsonObject json = new JsonObject();
        json.add("config", cfg);
        json.add("reference", row("reference", "reference CLIP", "", 0, 0.5, 0.2, 0.1));
        JsonArray rows = new JsonArray();
        for (long seed : seeds) {
            double jitter = seed * 0.01;
            rows.add(row("I-random", "Random", "I", seed, 0.40 + jitter, 0.20, 0.10));
            rows.add(row("I-no-text", "w/o Emb. Text", "I", seed, 0.50 + jitter, 0.10, 0.05));
            rows.add(row("I-text-only", "w/ Emb. Text Only", "I", seed, 0.20 + jitter, 0.40, 0.30));
            for (int i = 0; i < TABLE4.size(); i++) {
                rows.add(row("II-" + i, TABLE4.get(i), "II", seed, 0.5 - 0.1 * i + jitter, 0.1 + 0.1 * i, 0.05 * i));
            }
        }
        json.add("subsets", rows);
        return new ExperimentResults(json);
    }

    @Test
    void curationTables_haveThePapersRowsInOrder_andItsPublishedValues() {
        Table t4 = PaperTables.subsets(results(List.of(0L)), "II");
        assertTrue(t4.name().startsWith("Table 4"));
        assertEquals(TABLE4, t4.stringColumn("subset").asList());
        // lib/docs/PAPER.md, Table 4, 3M ViT-B: CoTR = 1 0.013 0.076 0.103; RN50 CoTR >= 0.3 0.031 0.110 0.137
        assertEquals(0.013, t4.doubleColumn("paper_vitb_in").getDouble(4));
        assertEquals(0.076, t4.doubleColumn("paper_vitb_ret").getDouble(4));
        assertEquals(0.103, t4.doubleColumn("paper_vitb_avg").getDouble(4));
        assertEquals(0.031, t4.doubleColumn("paper_rn50_in").getDouble(1));
        assertEquals(0.137, t4.doubleColumn("paper_rn50_avg").getDouble(1));
        assertEquals(0.5 - 0.1 * 2, t4.doubleColumn("in").getDouble(2), 1e-12);
        assertEquals((0.2 + 0.4) / 2, t4.doubleColumn("ret").getDouble(0), 1e-12);
        Table t3 = PaperTables.subsets(results(List.of(0L)), "I");
        assertEquals(
                List.of("Random", "w/o Emb. Text", "w/ Emb. Text Only"),
                t3.stringColumn("subset").asList());
        // Table 3, 3M ViT-B w/ Emb. Text Only: IN 0.052
        assertEquals(0.052, t3.doubleColumn("paper_vitb_in").getDouble(2));
        assertEquals(
                List.of(
                        "subset",
                        "size",
                        "seeds",
                        "in",
                        "ret",
                        "sync",
                        "written_class_rate",
                        "avg_s",
                        "text_rate",
                        "mean_cotr",
                        "paper_vitb_in",
                        "paper_vitb_ret",
                        "paper_vitb_avg",
                        "paper_rn50_in",
                        "paper_rn50_ret",
                        "paper_rn50_avg",
                        "paper_avg_s"),
                t3.columnNames());
    }

    @Test
    void severalSeeds_giveMeansAndSampleStandardDeviations() {
        Table t3 = PaperTables.subsets(results(List.of(0L, 1L, 2L)), "I");
        // top-1 0.50, 0.51, 0.52 for w/o Emb. Text: mean 0.51, sample sd 0.01
        assertEquals(0.51, t3.doubleColumn("in").getDouble(1), 1e-12);
        assertEquals(0.01, t3.doubleColumn("in_sd").getDouble(1), 1e-12);
        assertEquals(3, t3.intColumn("seeds").getInt(1));
    }

    @Test
    void paperSubsetTable_holdsTablesThreeToSixAtThreeMillion() {
        Table p = PaperNumbers.subsetTable();
        assertEquals(18, p.rowCount());
        // Table 6, RSC >= 0.3: Avg. S 0.380, ViT-B Avg. 0.091
        Table rsc = p.where(p.stringColumn(PaperNumbers.SUBSET_LABEL).isEqualTo("RSC >= 0.3"));
        assertEquals(0.380, rsc.doubleColumn("avg_s").getDouble(0));
        assertEquals(0.091, rsc.doubleColumn("vitb_avg").getDouble(0));
    }

    @Test
    void table10_hasThePapersMetricRows_oneColumnPerModel() {
        Table t = PaperTables.table10(results(List.of(0L)));
        assertEquals(
                List.of("Sync score (mean)", "Sync score (std)", "zero-shot top-1", "retrieval"),
                t.stringColumn("metric").asList());
        assertEquals(1 + 3 + 5, t.columnCount() - 1); // reference + 8 subsets
        Table paper = PaperTables.table10Paper();
        // Table 10: OpenCLIP (2B LAION) Sync 0.368 ± 0.0427
        assertEquals(0.368, paper.doubleColumn("OpenCLIP (2B LAION)").getDouble(0));
        assertEquals(0.0427, paper.doubleColumn("OpenCLIP (2B LAION)").getDouble(1));
    }

    @Test
    void figures_dataHaveEveryScoreAndThePapersDigitisedPoints() {
        ExperimentResults r = results(List.of(0L));
        assertEquals(2 * 9, PaperTables.fig8(r).rowCount());
        Table f9 = PaperTables.fig9(r);
        assertEquals(9, f9.rowCount());
        // Fig. 9 digitised, CoTR = 1.0: 0.172 0.375 0.126 0.120; the reference row compares with CLIP's
        Table cotr1 = f9.where(f9.stringColumn("model").isEqualTo("CoTR = 1.0"));
        assertEquals(0.375, cotr1.doubleColumn("paper_with_text").getDouble(0));
        assertEquals(0.320, f9.doubleColumn("paper_without_text").getDouble(0));
        assertTrue(Double.isNaN(f9.doubleColumn("paper_with_text").getDouble(1))); // Random is not in Fig. 9
    }

    @Test
    void fileNames_followTheTableNames() {
        ExperimentResults r = results(List.of(0L));
        List<String> names =
                PaperTables.all(r).stream().map(PaperTables::fileName).toList();
        assertEquals(
                List.of(
                        "table-3.csv",
                        "table-4.csv",
                        "table-10-layout.csv",
                        "table-10-paper.csv",
                        "fig-8-data.csv",
                        "fig-9.csv"),
                names);
        assertTrue(Path.of(names.get(0)).getFileName().toString().endsWith(".csv"));
    }
}
