package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What {@code bench train} and {@code bench clip} print for a GPU run (throughput, GPU memory, OpenCLIP's reference),
 * exercised with {@code --device cpu} and the tiny preset: no GPU exists where the tests run.
 */
class BenchGpuReportTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        assertEquals(0, rc, "exit code; stderr: " + err);
        return out.toString();
    }

    private static String row(String out, String first) {
        return out.lines()
                .map(l -> l.trim().replaceAll(" +", " "))
                .filter(l -> l.startsWith(first + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + out));
    }

    @Test
    void benchTrain_printsPrecisionDeviceGpuMemoryAndTheReference() {
        for (String precision : new String[] {"fp32", "fp16"}) {
            String out = run(
                    "bench",
                    "train",
                    "--device",
                    "cpu",
                    "--preset",
                    "tiny",
                    "--batch",
                    "4",
                    "--warmup",
                    "0",
                    "--steps",
                    "1",
                    "--precision",
                    precision);
            String[] cells = row(out, "tiny").split(" ");
            // preset params batch steps prec samples/s s/step peakRSS device
            assertEquals(9, cells.length, out);
            assertEquals("4", cells[2]);
            assertEquals(precision, cells[4]);
            assertTrue(Double.parseDouble(cells[5]) > 0, out);
            assertEquals("cpu()", cells[8]);
            assertTrue(out.contains("tiny: GPU memory: n/a (ran on cpu())"), out);
            assertTrue(
                    out.contains("reference: OpenCLIP ViT-B-32 training about 785 samples/s per A100 at batch 256"),
                    out);
        }
    }

    @Test
    void benchClip_printsGpuMemoryAndTheReference() {
        String out = run("bench", "clip", "--device", "cpu", "--preset", "tiny", "--batches", "2", "--seconds", "0");
        assertTrue(out.contains("GPU memory: n/a (ran on cpu())"), out);
        assertTrue(
                out.contains(
                        "reference: OpenCLIP ViT-B-32 image embedding about 2,500 images/s per A100 at batch" + " 512"),
                out);
    }
}
