package org.parrotscope.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private Jupyter data folder holding the {@code java} kernelspec for the code under test (this test
 * JVM's classpath), so the tests neither depend on nor change the machine's installed kernelspec.
 */
final class JupyterSetup {
    private JupyterSetup() {}

    /** @return the project root (surefire's {@code parrotscope.root}) */
    static Path root() {
        return Path.of(System.getProperty("parrotscope.root", "../.."))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Writes {@code <dir>/kernels/java/kernel.json}.
     *
     * @param dir the folder to use as {@code JUPYTER_PATH}
     * @param env extra kernel environment, e.g. {@code IJAVA_TIMEOUT}
     * @return {@code dir}
     * @throws IOException when writing fails
     */
    static Path installKernelspec(Path dir, Map<String, String> env) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JsonArray argv = new JsonArray();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-Djava.awt.headless=true");
        argv.add("-cp");
        argv.add(cp);
        argv.add(ParrotKernel.class.getName());
        argv.add("{connection_file}");
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", "Java (ParrotScope, test)");
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        JsonObject e = new JsonObject();
        e.addProperty("DJL_OFFLINE", "true");
        env.forEach(e::addProperty);
        spec.add("env", e);
        Path file = dir.resolve("kernels/java/kernel.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, spec.toString());
        return dir;
    }

    /**
     * Runs a command, returning its exit code and merged output.
     *
     * @param pb the process (environment already set)
     * @param timeoutSeconds limit
     * @return exit code and output
     * @throws Exception when it cannot start or exceeds the limit
     */
    static Result run(ProcessBuilder pb, long timeoutSeconds) throws Exception {
        pb.redirectErrorStream(true);
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process died; its exit code tells
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + pb.command());
        }
        reader.join();
        return new Result(p.exitValue(), out.toString());
    }

    /**
     * Executes a notebook with the harness ({@code environment/notebook}), using the kernelspec in
     * {@code jupyter}.
     *
     * @param jupyter the {@code JUPYTER_PATH} from {@link #installKernelspec}
     * @param workDir the harness's working folder
     * @param args the harness's arguments ({@code [--allow-errors] IN.ipynb OUTDIR})
     * @param env parameters for the notebook, as environment variables
     * @return exit code and output (which names the failing cell and error)
     * @throws Exception when it cannot start or runs over 10 minutes
     */
    static Result harness(Path jupyter, Path workDir, List<String> args, Map<String, String> env) throws Exception {
        List<String> cmd =
                new ArrayList<>(List.of(root().resolve("environment/notebook").toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("JUPYTER_PATH", jupyter.toString());
        pb.environment().putAll(env);
        return run(pb, 600);
    }

    /**
     * Opens an HTML file in headless Chromium, offline, lets its scripts run and returns the resulting DOM.
     *
     * @param html the page
     * @param profile an empty folder for Chromium's profile
     * @return the serialised DOM
     * @throws Exception when Chromium fails or runs over 3 minutes
     */
    static String chromiumDom(Path html, Path profile) throws Exception {
        Files.createDirectories(profile);
        ProcessBuilder pb = new ProcessBuilder(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000",
                "--dump-dom",
                html.toUri().toString());
        Result dom = run(pb, 180);
        if (dom.exitCode() != 0) {
            throw new AssertionError("chromium failed on " + html + ":\n" + dom.output());
        }
        return dom.output();
    }

    /**
     * Checks that every Plotly figure div of a rendered page was drawn by plotly.js.
     *
     * @param dom a DOM from {@link #chromiumDom}
     * @return the number of figure divs found
     * @throws AssertionError naming the first figure that was not drawn
     */
    static int assertPlotsDrawn(String dom) {
        String[] plots = dom.split("id=\"psplot_");
        for (int i = 1; i < plots.length; i++) {
            String chunk = plots[i].substring(0, Math.min(plots[i].length(), 20_000));
            if (!chunk.contains("class=\"main-svg\"")) {
                throw new AssertionError("plot " + i + " of " + (plots.length - 1) + " was not drawn by plotly.js");
            }
        }
        return plots.length - 1;
    }

    /** A finished process. */
    record Result(int exitCode, String output) {}

    /**
     * @param output one output of an executed notebook cell
     * @param mime a MIME type such as {@code text/plain}
     * @return the output's data of that type (nbformat stores it as a string or a list of lines), or null
     */
    static String outputData(JsonObject output, String mime) {
        if (!output.has("data")) {
            return null;
        }
        JsonElement d = output.getAsJsonObject("data").get(mime);
        if (d == null) {
            return null;
        }
        if (d.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            d.getAsJsonArray().forEach(x -> sb.append(x.getAsString()));
            return sb.toString();
        }
        return d.getAsString();
    }
}
