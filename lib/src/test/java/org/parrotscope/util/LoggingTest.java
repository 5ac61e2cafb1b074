package org.parrotscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {

    /** Logs as DJL does on a CPU machine, after {@link Logging#configure()}; run in a fresh JVM by the tests. */
    public static final class Probe {
        private Probe() {}

        /**
         * @param args unused
         */
        public static void main(String[] args) {
            Logging.configure();
            LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils")
                    .warn("Failed to detect GPU count: CUDA driver version is insufficient");
            LoggerFactory.getLogger("ai.djl.pytorch.engine.PtEngine").info("Number of inter-op threads is 1");
            LoggerFactory.getLogger("org.parrotscope.ocr.OcrRun").warn("damaged output: redoing shard");
            LoggerFactory.getLogger("org.parrotscope.ocr.OcrRun").debug("a detail");
        }
    }

    private static String probe(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Probe.class.getName()))
                .redirectErrorStream(true);
        pb.environment().remove(Logging.ENV);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void byDefault_onlyWarningsToActOnAreShown() throws Exception {
        String out = probe(Map.of());
        assertFalse(out.contains("GPU count"), out);
        assertFalse(out.contains("inter-op"), out);
        assertFalse(out.contains("a detail"), out);
        assertTrue(out.contains("WARN OcrRun - damaged output: redoing shard"), out);
    }

    @Test
    void debug_showsEverything() throws Exception {
        String out = probe(Map.of(Logging.ENV, "debug"));
        assertTrue(out.contains("GPU count"), out);
        assertTrue(out.contains("inter-op"), out);
        assertTrue(out.contains("a detail"), out);
    }

    @Test
    void info_showsEngineInfoButNotTheCudaProbe() throws Exception {
        String out = probe(Map.of(Logging.ENV, "INFO"));
        assertTrue(out.contains("inter-op"), out);
        assertFalse(out.contains("GPU count"), out);
    }

    @Test
    void level_environmentBeforeProperty_andUnknownLevelsNamed() {
        assertEquals("warn", Logging.level(Map.of(), null));
        assertEquals("info", Logging.level(Map.of(), "info"));
        assertEquals("debug", Logging.level(Map.of(Logging.ENV, " Debug "), "info"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Logging.level(Map.of(Logging.ENV, "loud"), null));
        assertTrue(e.getMessage().startsWith("PARROTSCOPE_LOG=loud"), e.getMessage());
    }
}
