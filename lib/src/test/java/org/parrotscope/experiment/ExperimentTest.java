package org.parrotscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.SkipLog;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;

/**
 * The experiment on a tiny configuration: 200 generated 64 px samples, the oracle OCR, the {@code tiny} preset for a
 * handful of steps. One run is shared by the tests that read its outputs.
 */
class ExperimentTest {

    /** A tiny configuration; the keys left out keep the default's values. */
    static final String TINY = """
            {"name": "tiny", "pool": {"samples": 200, "seed": 3, "image_size": 64},
             "ocr": {"engine": "oracle", "threads": 2},
             "reference": {"preset": "tiny", "steps": 2, "batch": 8, "warmup": 1},
             "min_subset_size": 2,
             "train": {"preset": "tiny", "steps": 2, "batch": 8, "warmup": 1},
             "eval": {"images": 12, "pairs": 8, "ngrams": 4},
             "heldout": {"samples": 24, "seed": 5, "image_size": 64}}
            """;

    @TempDir
    static Path shared;

    static Path out;
    static ExperimentResults first;

    static ExperimentConfig tiny(String json, Path base) {
        return ExperimentConfig.parse(json, "tiny.json", base);
    }

    @BeforeAll
    static void runOnce() throws Exception {
        out = shared.resolve("run");
        first = new Experiment(tiny(TINY, shared), out, (t, n) -> Progress.silent(), line -> {}).run();
    }

    @Test
    void results_haveEverySubsetOfCurationsOneAndTwo_withTheEvalFields() throws Exception {
        ExperimentResults r = ExperimentResults.read(out.resolve(Experiment.RESULTS));
        List<String> ids =
                r.subsets().stream().map(o -> o.get("subset").getAsString()).toList();
        assertEquals(
                List.of(
                        "I-random",
                        "I-no-text",
                        "I-text-only",
                        "II-cotr-eq-0",
                        "II-cotr-ge-0.3",
                        "II-cotr-ge-0.5",
                        "II-cotr-ge-0.8",
                        "II-cotr-eq-1"),
                ids);
        for (JsonObject o : r.subsets()) {
            assertEquals(0, o.get("seed").getAsLong());
            for (String path : List.of(
                    "size",
                    "zeroshot.top1",
                    "retrieval.i2t_r1",
                    "sync.mean",
                    "typographic.written_class_rate",
                    "heldout.without_text",
                    "heldout.with_text",
                    "heldout.all_removed",
                    "heldout.co_removed")) {
                assertFalse(Double.isNaN(ExperimentResults.value(o, path)), o.get("subset") + " " + path);
            }
            // the Sync scores behind Fig. 8: every 1-gram in each of the four styles
            assertEquals(
                    4 * 4, o.getAsJsonObject("sync").getAsJsonArray("scores").size());
            Path model = Path.of(o.get("model").getAsString());
            assertTrue(Files.isRegularFile(model.resolve("model.safetensors")), model.toString());
        }
        // one common size: the smallest pool (the subsets of one experiment train on equal numbers of pairs)
        Set<Integer> sizes = new HashSet<>();
        r.subsets().forEach(o -> sizes.add(o.get("size").getAsInt()));
        assertEquals(1, sizes.size());
        int minPool = r.subsets().stream()
                .mapToInt(o -> o.get("pool").getAsInt())
                .min()
                .orElseThrow();
        assertEquals(minPool, sizes.iterator().next());
        assertFalse(Double.isNaN(ExperimentResults.value(r.reference(), "sync.mean")));
    }

    @Test
    void curationOne_followsTheSpottedText_checkedAgainstTheGeneratorsTruth() throws Exception {
        Set<String> withText = new HashSet<>();
        Set<String> all = new HashSet<>();
        try (SampleStream s =
                Datasets.open(Datasets.resolve(List.of(out.resolve("pool").toString())), new SkipLog())) {
            for (Sample x : s) {
                all.add(x.key());
                if (x.metadata()
                                .getAsJsonObject("truth")
                                .getAsJsonArray("words")
                                .size()
                        > 0) {
                    withText.add(x.key());
                }
            }
        }
        List<String> textOnly = keys(out.resolve("subsets/seed-0/I-text-only.json"));
        List<String> noText = keys(out.resolve("subsets/seed-0/I-no-text.json"));
        assertFalse(textOnly.isEmpty());
        assertTrue(withText.containsAll(textOnly));
        assertTrue(noText.stream().noneMatch(withText::contains));
        assertTrue(all.containsAll(noText));
    }

    @Test
    void reRun_skipsFinishedModelsAndEvaluations_andRedoesOnlyWhatIsMissing() throws Exception {
        Path keep = out.resolve("models/seed-0/I-no-text/final/model.safetensors");
        Path redo = out.resolve("models/seed-0/I-text-only/final");
        FileTime kept = Files.getLastModifiedTime(keep);
        FileTime refTime = Files.getLastModifiedTime(out.resolve("reference/final/model.safetensors"));
        String evalBefore = Files.readString(out.resolve("eval/seed-0/I-no-text.json"));
        // as a killed run leaves it: one model without its final checkpoint, its evaluation not written
        deleteTree(redo);
        Files.delete(out.resolve("eval/seed-0/I-text-only.json"));
        ExperimentResults again =
                new Experiment(tiny(TINY, shared), out, (t, n) -> Progress.silent(), line -> {}).run();
        assertEquals(kept, Files.getLastModifiedTime(keep));
        assertEquals(refTime, Files.getLastModifiedTime(out.resolve("reference/final/model.safetensors")));
        assertEquals(evalBefore, Files.readString(out.resolve("eval/seed-0/I-no-text.json")));
        assertTrue(Files.isRegularFile(redo.resolve("model.safetensors")));
        assertTrue(Files.isRegularFile(out.resolve("eval/seed-0/I-text-only.json")));
        assertEquals(first.subsets().size(), again.subsets().size());
        // the untouched model's row is the same as before
        assertEquals(first.subsets().get(1), again.subsets().get(1));
    }

    private static List<String> keys(Path manifest) throws Exception {
        JsonObject m =
                Json.parse(Files.readString(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
        List<String> out = new ArrayList<>();
        m.getAsJsonArray("keys").forEach(k -> out.add(k.getAsString()));
        return out;
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
