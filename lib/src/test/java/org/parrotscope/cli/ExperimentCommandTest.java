package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.experiment.Experiment;
import org.parrotscope.experiment.ExperimentResults;
import org.parrotscope.util.Json;
import picocli.CommandLine;

/** {@code parrotscope experiment}: the default configuration, errors, and a tiny run with a seed override. */
class ExperimentCommandTest {

    @TempDir
    Path tmp;

    private record Run(int rc, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new Run(rc, out.toString(), err.toString());
    }

    @Test
    void printConfig_showsTheShippedDefault_withOverrides() {
        Run r = run("experiment", "--print-config", "--seeds", "0,1,2");
        assertEquals(0, r.rc(), r.err());
        var o = Json.parse(r.out()).getAsJsonObject();
        assertEquals("[\"I\",\"II\"]", o.get("curations").toString());
        assertEquals("[0,1,2]", o.get("seeds").toString());
    }

    @Test
    void aMalformedConfig_failsNamingTheFile_andNoOutIsAnError() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"curations\": \"I\"}");
        Run r = run(
                "experiment",
                "--config",
                bad.toString(),
                "--out",
                tmp.resolve("o").toString());
        assertEquals(1, r.rc());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("curations"), r.err());
        Run noOut = run("experiment");
        assertEquals(2, noOut.rc());
        assertTrue(noOut.err().contains("--out"), noOut.err());
    }

    @Test
    void aTinyRun_writesResultsTablesAndFigures() throws Exception {
        Path cfg = tmp.resolve("tiny.json");
        Files.writeString(cfg, """
                {"pool": {"samples": 120, "seed": 1, "image_size": 64}, "ocr": {"engine": "oracle", "threads": 2},
                 "reference": {"preset": "tiny", "steps": 1, "batch": 8, "warmup": 0},
                 "curations": ["I"], "min_subset_size": 2,
                 "train": {"preset": "tiny", "steps": 1, "batch": 8, "warmup": 0},
                 "eval": {"images": 8, "pairs": 4, "ngrams": 3}, "heldout": {"samples": 16, "seed": 2, "image_size": 64}}
                """);
        Path out = tmp.resolve("run");
        Run r = run("experiment", "--config", cfg.toString(), "--out", out.toString(), "--seeds", "4");
        assertEquals(0, r.rc(), r.err());
        ExperimentResults res = ExperimentResults.read(out.resolve(Experiment.RESULTS));
        assertEquals(
                List.of("I-random", "I-no-text", "I-text-only"),
                res.subsets().stream().map(o -> o.get("subset").getAsString()).toList());
        res.subsets().forEach(o -> assertEquals(4, o.get("seed").getAsLong()));
        for (String f : List.of("fig8.html", "fig9.html", "tables/table-3.csv", "tables/fig-9.csv", "config.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(r.out().contains("Table 3"), r.out());
    }
}
