package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The main README's ten-line library example runs as written, in ParrotScope's kernel and with upstream
 * IJava 1.3's class path order (its bundled gson 2.8.5 ahead of the library's gson).
 */
class ReadmeExampleTest {

    /** SynthConfig's default text rate is the paper's 54.60% (Table 1); 100 samples and OCR errors allow 0.15. */
    private static final double PAPER_TEXT_SHARE = 0.546;

    private static final Pattern RESULT = Pattern.compile("images=([0-9.]+) text_share=([0-9.Ee-]+)");

    private static final Path README = JupyterSetup.root().resolve("README.md");

    @Test
    void example_runsInTheKernel_andMeasuresTheGeneratedTextShare() throws Exception {
        check(ReadmeExample.run(README));
    }

    @Test
    void example_runsWithGson285FirstOnTheClassPath_asUnderUpstreamIJava() throws Exception {
        Path gson = Path.of("target/gson-2.8.5/gson-2.8.5.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(gson), "missing " + gson + " (copied by the kernel pom)");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-cp",
                gson + File.pathSeparator + cp,
                ReadmeExample.class.getName(),
                README.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("DJL_OFFLINE", "true");
        JupyterSetup.Result r = JupyterSetup.run(pb, 600);
        assertEquals(0, r.exitCode(), r.output());
        Matcher m = Pattern.compile("RESULT (.*)").matcher(r.output());
        assertTrue(m.find(), r.output());
        check(m.group(1));
    }

    private static void check(String result) {
        Matcher m = RESULT.matcher(result);
        assertTrue(m.matches(), result);
        // every one of the 100 samples the example asks for is measured
        assertEquals(100.0, Double.parseDouble(m.group(1)), result);
        double share = Double.parseDouble(m.group(2));
        assertTrue(Math.abs(share - PAPER_TEXT_SHARE) < 0.15, result);
    }
}
