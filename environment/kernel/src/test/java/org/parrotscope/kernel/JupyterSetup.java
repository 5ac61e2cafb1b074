package org.parrotscope.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private Jupyter data folder holding the {@code java} kernelspec for the code under test (this test
 * JVM's classpath), so the tests neither depend on nor change the machine's installed kernelspec.
 */
final class JupyterSetup {
    private JupyterSetup() {}

    /** @return the project root (surefire's {@code parrotscope.root}) */
    static Path root() {
        return Path.of(System.getProperty("parrotscope.root", "../..")).toAbsolutePath().normalize();
    }

    /**
     * Writes {@code <dir>/kernels/java/kernel.json}.
     *
     * @param dir the folder to use as {@code JUPYTER_PATH}
     * @param env extra kernel environment, e.g. {@code IJAVA_TIMEOUT}
     * @return {@code dir}
     * @throws IOException when writing fails
     */
    static Path installKernelspec(Path dir, java.util.Map<String, String> env) throws IOException {
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

    /** A finished process. */
    record Result(int exitCode, String output) {}
}
