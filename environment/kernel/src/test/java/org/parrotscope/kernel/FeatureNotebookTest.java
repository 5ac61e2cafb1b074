package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/resources/notebooks/kernel-features.ipynb} through the harness
 * ({@code environment/notebook}, i.e. Debian's nbclient/nbconvert) with the kernel under test, checks
 * every output, then opens the exported HTML in headless Chromium offline and checks that the plots were
 * drawn. The notebook is copied to a temporary folder first, since its magics write files beside it.
 */
class FeatureNotebookTest {

    @TempDir
    static Path tmp;

    private static Path jupyter;
    private static JupyterSetup.Result run;
    private static JsonArray cells;

    @BeforeAll
    static void execute() throws Exception {
        jupyter = JupyterSetup.installKernelspec(tmp.resolve("jupyter"), Map.of());
        Path nb = tmp.resolve("kernel-features.ipynb");
        try (var in = FeatureNotebookTest.class.getResourceAsStream("/notebooks/kernel-features.ipynb")) {
            Files.copy(in, nb);
        }
        long t0 = System.nanoTime();
        run = harness(
                List.of("--allow-errors", nb.toString(), tmp.resolve("out").toString()),
                Map.of("PS_GREETING", "parrot", "IJAVA_TIMEOUT", "10 SECONDS"));
        Path executed = tmp.resolve("out/kernel-features.ipynb");
        System.out.printf(
                "[feature notebook] %.1f s, executed .ipynb %d bytes, HTML %d bytes%n",
                (System.nanoTime() - t0) / 1e9,
                Files.exists(executed) ? Files.size(executed) : -1,
                Files.exists(tmp.resolve("out/kernel-features.html"))
                        ? Files.size(tmp.resolve("out/kernel-features.html"))
                        : -1);
        assertEquals(0, run.exitCode(), run.output());
        cells = JsonParser.parseString(Files.readString(executed))
                .getAsJsonObject()
                .getAsJsonArray("cells");
    }

    private static JupyterSetup.Result harness(List<String> args, Map<String, String> env) throws Exception {
        return JupyterSetup.harness(jupyter, tmp, args, env);
    }

    /** @return the outputs of the code cell whose source starts with the prefix */
    private static List<JsonObject> outputs(String sourcePrefix) {
        for (JsonElement c : cells) {
            JsonObject cell = c.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")
                    && source(cell).startsWith(sourcePrefix)) {
                List<JsonObject> out = new ArrayList<>();
                cell.getAsJsonArray("outputs").forEach(o -> out.add(o.getAsJsonObject()));
                return out;
            }
        }
        throw new AssertionError("no code cell starts with " + sourcePrefix);
    }

    private static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            s.getAsJsonArray().forEach(x -> sb.append(x.getAsString()));
            return sb.toString();
        }
        return s.getAsString();
    }

    private static String result(String sourcePrefix) {
        return outputs(sourcePrefix).stream()
                .filter(o -> o.get("output_type").getAsString().equals("execute_result"))
                .map(o -> JupyterSetup.outputData(o, "text/plain"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result: " + sourcePrefix));
    }

    private static String text(JsonObject streamOutput) {
        JsonElement t = streamOutput.get("text");
        return t.isJsonArray()
                ? String.join(
                        "",
                        t.getAsJsonArray().asList().stream()
                                .map(JsonElement::getAsString)
                                .toList())
                : t.getAsString();
    }

    private static BufferedImage png(JsonObject output) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                .decode(JupyterSetup.outputData(output, "image/png").replace("\n", ""))));
    }

    @Test
    void streamsAndResult() {
        List<JsonObject> out = outputs("System.out.println(\"greeting=\"");
        assertEquals("stdout", out.get(0).get("name").getAsString());
        assertEquals("greeting=parrot\n", text(out.get(0)));
        assertEquals("a line on stderr\n", text(out.get(1)));
        assertEquals("42", result("System.out.println(\"greeting=\""));
    }

    @Test
    void displayIsReplacedInPlace_andRenderReturnsHtml() {
        List<JsonObject> out = outputs("String id = display(");
        assertEquals("display_data", out.get(0).get("output_type").getAsString());
        assertEquals("updated: parrot", JupyterSetup.outputData(out.get(0), "text/plain"));
        assertEquals("<b>bold</b>", JupyterSetup.outputData(out.get(1), "text/html"));
    }

    @Test
    void eachMagicWorks() {
        assertEquals("0", result("import javax.tools.ToolProvider"));
        assertEquals("hi from classpath", result("%classpath"));
        assertEquals("hi from jar 1", result("List<String> jars = %jars"));
        assertEquals("42", result("%load"));
        assertEquals("2", result("%maven"));
        assertTrue(outputs("%%loadFromPOM").isEmpty());
        assertEquals("Parrot Captions", result("%mavenRepo"));
    }

    @Test
    void errorsAreReported_andTheKernelCarriesOn() {
        JsonObject err = outputs("Integer.parseInt(\"not a number\")").get(0);
        assertEquals("error", err.get("output_type").getAsString());
        assertTrue(err.get("evalue").getAsString().startsWith("java.lang.NumberFormatException"), err.toString());
        JsonObject timeout = outputs("Thread.sleep(120_000)").get(0);
        assertEquals(
                "Evaluation timed out after 10000 milliseconds.",
                timeout.get("evalue").getAsString());
        assertEquals("still alive, answer=42", result("\"still alive"));
    }

    @Test
    void tableShowsTwentyOfThirtyRows() {
        String html = JupyterSetup.outputData(outputs("double[] score").get(0), "text/html");
        assertTrue(html.contains("showing 20 of 30 rows × 2 columns"), html);
        assertEquals(
                31,
                tmp.resolve("magic-demo/scores.csv").toFile().exists()
                        ? uncheckedLines(tmp.resolve("magic-demo/scores.csv"))
                        : -1,
                "header + 30 rows in the saved CSV");
    }

    private static int uncheckedLines(Path p) {
        try {
            return Files.readAllLines(p).size();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void plotlyIsEmbeddedInTheFirstFigureOnly() {
        String first = JupyterSetup.outputData(outputs("Plot.of(Histogram").get(0), "text/html");
        String second = JupyterSetup.outputData(outputs("ScatterPlot.create").get(0), "text/html");
        assertTrue(first.contains("plotly.js (cartesian - minified) v1.54.1"));
        assertFalse(second.contains("plotly.js (cartesian"));
        assertTrue(second.contains("Plotly.newPlot"));
    }

    @Test
    void imagesArePngs() throws Exception {
        BufferedImage img = png(outputs("BufferedImage img").get(0));
        assertEquals(160, img.getWidth());
        assertEquals(60, img.getHeight());
        // Two 160 px cells: 6 + 2 * (160 + 6) wide.
        assertEquals(338, png(outputs("SampleGrid.builder()").get(0)).getWidth());
    }

    @Test
    void progressBarEndsAsOneUpdatedOutput() {
        List<JsonObject> out = outputs("try (Progress p");
        assertEquals(1, out.size(), "updates replace the bar instead of appending");
        assertTrue(JupyterSetup.outputData(out.get(0), "text/html").contains("<progress value=\"40\" max=\"40\""));
        assertTrue(JupyterSetup.outputData(out.get(0), "text/plain").startsWith("demo 40/40 (100%)"));
    }

    @Test
    void exportedHtmlDrawsThePlotsOffline() throws Exception {
        Path html = tmp.resolve("out/kernel-features.html");
        String dom = JupyterSetup.chromiumDom(html, tmp.resolve("chromium-profile"));
        assertEquals(2, JupyterSetup.assertPlotsDrawn(dom), "two plot divs, both drawn");
    }

    @Test
    void strictRun_failsNamingTheCellAndError() throws Exception {
        Path nb = tmp.resolve("failing.ipynb");
        Files.writeString(nb, """
                {"cells": [
                  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                   "source": "int ok = 1;"},
                  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                   "source": "Integer.parseInt(\\"zz\\")"},
                  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                   "source": "System.out.println(\\"never\\");"}
                 ],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        JupyterSetup.Result r =
                harness(List.of(nb.toString(), tmp.resolve("failing-out").toString()), Map.of());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("Integer.parseInt(\"zz\")"), r.output());
        assertTrue(r.output().contains("NumberFormatException"), r.output());
        assertTrue(Files.exists(tmp.resolve("failing-out/failing.html")), "the partial report is still written");
        assertFalse(
                Files.readString(tmp.resolve("failing-out/failing.ipynb")).contains("never\\n"), "execution stopped");
    }
}
