package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Executes every pipeline notebook {@code notebooks/NN-*.ipynb} in order under the harness
 * ({@code environment/notebook}) with small parameters into a temporary run folder, so a new notebook is
 * covered as soon as it is added. A notebook fails the test with its failing cell and error; its HTML
 * report must exist, and headless Chromium must draw every figure in it offline. Later notebooks read
 * earlier ones' outputs from the shared run folder, as in {@code environment/run}.
 */
class PipelineNotebooksTest {

    /**
     * Small values for the notebooks' PARAMETERS cells (each notebook reads only its own); keeps the whole
     * run to a few minutes on two cores.
     */
    static final Map<String, String> SMALL = Map.ofEntries(
            Map.entry("SAMPLES", "120"),
            Map.entry("GRID_SAMPLES", "4"),
            Map.entry("LIMIT", "24"),
            // 02-spot-text: images of the generated hard set
            Map.entry("HARD_SAMPLES", "24"),
            Map.entry("THREADS", "2"),
            // 05-train-clip: pool size, training steps, evaluation interval and images during training
            Map.entry("POOL", "400"),
            Map.entry("STEPS", "6"),
            Map.entry("EVAL_EVERY", "3"),
            Map.entry("EVAL_IMAGES", "32"),
            // 06-evaluate-bias: zero-shot/typographic images, retrieval pairs, Sync-score 1-grams
            Map.entry("IMAGES", "32"),
            Map.entry("PAIRS", "32"),
            Map.entry("NGRAMS", "16"),
            // 08-cluster: clusters and merged groups for a 400-image pool
            Map.entry("K", "8"),
            Map.entry("GROUPS", "4"),
            // 09-subset-experiment: Curation I on a tiny pool read by the oracle, the tiny preset for two steps,
            // a spread run with two seeds, a reading probe of 24 pairs for two steps
            Map.entry("EXP_CURATIONS", "I"),
            Map.entry("EXP_POOL", "200"),
            Map.entry("EXP_OCR", "oracle"),
            Map.entry("EXP_PRESET", "tiny"),
            Map.entry("EXP_BATCH", "8"),
            Map.entry("EXP_STEPS", "2"),
            Map.entry("EXP_REF_STEPS", "2"),
            Map.entry("EXP_HELDOUT", "24"),
            Map.entry("EXP_MIN_SUBSET", "2"),
            Map.entry("SPREAD_SEEDS", "0,1"),
            Map.entry("PROBE_SAMPLES", "24"),
            Map.entry("PROBE_PAIRS", "12"),
            Map.entry("PROBE_STEPS", "2"),
            // 10-spark-scale: the Spark job spots with the ground truth (02's oracle run is its reference), so
            // the notebook tests Spark and the comparison, not PP-OCR's speed
            Map.entry("SPARK_ENGINE", "oracle"));

    @TempDir
    static Path tmp;

    private static Path jupyter;

    @BeforeAll
    static void kernelspec() throws IOException {
        jupyter = JupyterSetup.installKernelspec(
                tmp.resolve("jupyter"),
                Map.of("OMP_THREAD_LIMIT", String.valueOf(Runtime.getRuntime().availableProcessors())));
    }

    /** @return the pipeline notebooks in run order */
    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(JupyterSetup.root().resolve("notebooks"))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("\\d\\d-[a-z0-9-]+\\.ipynb"))
                    .sorted()
                    .toList();
            assertTrue(!found.isEmpty(), "no notebooks/NN-*.ipynb found");
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void notebook_runsWithoutErrors_andDrawsItsOutputs(Path notebook) throws Exception {
        String name = notebook.getFileName().toString().replace(".ipynb", "");
        Path reports = tmp.resolve("reports");
        Map<String, String> env = new HashMap<>(SMALL);
        env.put("PARROTSCOPE_RUN_DIR", tmp.resolve("run").toString());
        // A CLIP model for 04-score-with-clip: the tiny OpenCLIP fixture (random weights, so only the path is tested).
        Path fixture = JupyterSetup.root().resolve("lib/src/test/resources/fixtures/openclip-tiny-gelu");
        assertTrue(Files.isDirectory(fixture), "OpenCLIP fixture missing: " + fixture);
        env.put("MODEL_DIRS", fixture.toString());
        env.put(
                "VOCAB",
                JupyterSetup.root()
                        .resolve("lib/src/main/resources/org/parrotscope/clip/bpe/bpe_simple_vocab_16e6.txt.gz")
                        .toString());
        long t0 = System.nanoTime();
        JupyterSetup.Result r =
                JupyterSetup.harness(jupyter, tmp, List.of(notebook.toString(), reports.toString()), env);
        System.out.printf("[pipeline notebook] %s: %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        assertEquals(0, r.exitCode(), "harness failed:\n" + r.output());

        List<JsonObject> outputs = outputs(reports.resolve(name + ".ipynb"));
        long figures =
                outputs.stream().filter(o -> html(o).contains("Plotly.newPlot")).count();
        for (JsonObject o : outputs) {
            assertTrue(!o.get("output_type").getAsString().equals("error"), "error output: " + o);
            String png = JupyterSetup.outputData(o, "image/png");
            if (png != null) {
                BufferedImage img = ImageIO.read(
                        new ByteArrayInputStream(Base64.getDecoder().decode(png.replace("\n", ""))));
                assertTrue(img != null && img.getWidth() > 0 && img.getHeight() > 0, "a PNG output decodes");
            }
        }
        Path html = reports.resolve(name + ".html");
        assertTrue(Files.size(html) > 0, "HTML report written: " + html);
        String dom = JupyterSetup.chromiumDom(html, tmp.resolve("chromium-" + name));
        assertEquals(figures, JupyterSetup.assertPlotsDrawn(dom), "every figure output is in the report and drawn");
        System.out.printf("[pipeline notebook] %s: %d figure(s) drawn, %d outputs%n", name, figures, outputs.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void notebook_isCommittedWithoutOutputs_forTheJavaKernel(Path notebook) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        JsonObject spec = nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
        assertEquals("java", spec.get("name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        JsonObject first = nb.getAsJsonArray("cells").get(0).getAsJsonObject();
        assertEquals("markdown", first.get("cell_type").getAsString(), "starts with the title");
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")) {
                assertEquals(0, cell.getAsJsonArray("outputs").size(), "outputs cleared in " + notebook);
                assertTrue(cell.get("execution_count").isJsonNull(), "execution count cleared in " + notebook);
            }
        }
    }

    private static List<JsonObject> outputs(Path executed) throws IOException {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement c : JsonParser.parseString(Files.readString(executed))
                .getAsJsonObject()
                .getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")) {
                cell.getAsJsonArray("outputs").forEach(o -> out.add(o.getAsJsonObject()));
            }
        }
        return out;
    }

    private static String html(JsonObject output) {
        String h = JupyterSetup.outputData(output, "text/html");
        return h == null ? "" : h;
    }
}
