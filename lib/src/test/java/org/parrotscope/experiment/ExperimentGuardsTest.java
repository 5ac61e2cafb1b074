package org.parrotscope.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.curate.SubsetTooSmallException;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.SkipLog;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;

/** What the experiment refuses before it trains: a foreign configuration in its folder, too-small subsets. */
class ExperimentGuardsTest {

    @TempDir
    Path tmp;

    @Test
    void anotherConfiguration_inTheSameFolder_isRefusedNamingTheKey() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("run"));
        // the folder of a finished run holds its configuration as the experiment writes it
        ExperimentConfig first = ExperimentTest.tiny(ExperimentTest.TINY, tmp);
        Files.writeString(out.resolve(Experiment.CONFIG), Json.PRETTY.toJson(first.toJson()) + "\n");
        String other = ExperimentTest.TINY.replace(
                "\"train\": {\"preset\": \"tiny\", \"steps\": 2", "\"train\": {\"preset\": \"tiny\", \"steps\": 3");
        assertNotEquals(ExperimentTest.TINY, other);
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new Experiment(ExperimentTest.tiny(other, tmp), out, (t, n) -> Progress.silent(), line -> {})
                        .run());
        assertTrue(e.getMessage().contains("differs in train"), e.getMessage());
        assertFalse(Files.exists(out.resolve("pool")), "nothing was generated");
    }

    @Test
    void subsetTooSmall_failsBeforeTraining_namingTheCriterionAndItsCount() throws Exception {
        // Curation I at the pool's size: "w/ Emb. Text Only" has only the images with text (counted from the truth)
        String json = ExperimentTest.TINY.replace(
                "\"min_subset_size\": 2,", "\"min_subset_size\": 2, \"subset_size\": 200, \"curations\": [\"I\"],");
        Path o = tmp.resolve("too-small");
        var e = assertThrows(
                SubsetTooSmallException.class,
                () -> new Experiment(ExperimentTest.tiny(json, tmp), o, (t, n) -> Progress.silent(), line -> {}).run());
        int text = 0;
        try (SampleStream s =
                Datasets.open(Datasets.resolve(List.of(o.resolve("pool").toString())), new SkipLog())) {
            for (Sample x : s) {
                text += x.metadata()
                                        .getAsJsonObject("truth")
                                        .getAsJsonArray("words")
                                        .size()
                                > 0
                        ? 1
                        : 0;
            }
        }
        assertTrue(
                e.getMessage().contains("w/ Emb. Text Only (I-text-only) has " + text + " candidates"), e.getMessage());
        assertTrue(
                e.getMessage().contains("w/o Emb. Text (I-no-text) has " + (200 - text) + " candidates"),
                e.getMessage());
        assertFalse(Files.exists(o.resolve("reference")), "no model was trained");
    }

    @Test
    void commonSizeBelowTheMinimum_namesTheConfigurationKeys() throws Exception {
        // every criterion's pool is below 100,000 candidates: the experiment says which configuration keys help
        String json = ExperimentTest.TINY.replace(
                "\"min_subset_size\": 2,", "\"min_subset_size\": 100000, \"curations\": [\"I\"],");
        Path o = tmp.resolve("below-minimum");
        var e = assertThrows(
                SubsetTooSmallException.class,
                () -> new Experiment(ExperimentTest.tiny(json, tmp), o, (t, n) -> Progress.silent(), line -> {}).run());
        assertTrue(e.getMessage().contains("fewer than the subset size 100000"), e.getMessage());
        assertTrue(e.getMessage().contains("min_subset_size 100000: raise pool.samples"), e.getMessage());
        assertTrue(e.getMessage().contains("Random (I-random) has "), e.getMessage());
        assertFalse(Files.exists(o.resolve("reference")), "no model was trained");
    }
}
