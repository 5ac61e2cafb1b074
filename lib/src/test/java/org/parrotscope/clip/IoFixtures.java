package org.parrotscope.clip;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Locates the OpenCLIP fixtures and runs Python's standard library as an independent reference. */
final class IoFixtures {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private IoFixtures() {}

    /** @return the folder holding the OpenCLIP fixtures */
    static Path fixtures() {
        return Fixtures.root();
    }

    /** @return the folder of one OpenCLIP model fixture, e.g. {@code openclip-tiny-gelu} */
    static Path model(String name) {
        return fixtures().resolve(name);
    }

    /** @return the OpenCLIP BPE merges file */
    static Path bpe() {
        return Fixtures.bpe();
    }

    /**
     * Runs a Python script with /usr/bin/python3 (the test is skipped when it is missing).
     *
     * @param script the program text
     * @param stdin text fed to the program
     * @param args its arguments
     * @return its standard output
     */
    static String python(String script, String stdin, String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python failed with exit code " + p.exitValue());
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
