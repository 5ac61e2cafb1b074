package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.data.synth.Truth;
import picocli.CommandLine;

/**
 * {@code parrotscope bench edit} on tiny sizes: the printed table has one row per measurement, five columns, and
 * counts that follow from the arguments and from the generated pool's ground truth. No time is asserted.
 */
class BenchEditCommandTest {

    private static final int IMAGES = 2;
    private static final int SAMPLES = 16;

    @Test
    void tinyRun_printsOneRowPerMeasurement_withCountsFromArgumentsAndTruth() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(
                "bench",
                "edit",
                "--images",
                String.valueOf(IMAGES),
                "--samples",
                String.valueOf(SAMPLES),
                "--preset",
                "tiny",
                "--batch",
                "8",
                "--threads",
                "2");
        assertEquals(0, rc, "exit code; stderr: " + err);

        List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(
                List.of("measurement", "threads", "items", "seconds", "per", "second"),
                List.of(lines.get(0).trim().split(" +")),
                out.toString());
        // 2 sizes x {1, 2} threads of inpainting, then one ablation row for the one preset
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(l.trim().split(" +"));
        }
        assertEquals(5, rows.size(), out.toString());
        String[][] expected = {
            {"inpaint", "256x256", "1"},
            {"inpaint", "256x256", "2"},
            {"inpaint", "640x480", "1"},
            {"inpaint", "640x480", "2"},
            {"ablate", "tiny", "2"}
        };
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            assertEquals(6, r.length, "a two-word measurement name and four numbers: " + lines.get(i + 1));
            assertEquals(expected[i][0], r[0]);
            assertEquals(expected[i][1], r[1]);
            assertEquals(expected[i][2], r[2], "threads of " + lines.get(i + 1));
            long items = Long.parseLong(r[3]);
            double seconds = Double.parseDouble(r[4]);
            double perSecond = Double.parseDouble(r[5]);
            assertTrue(seconds >= 0, lines.get(i + 1));
            if (seconds >= 0.5) { // printed to 2 decimals: below 1% rounding error from here on
                assertEquals(items / seconds, perSecond, 0.02 * perSecond + 0.1, "per second = items / seconds");
            }
            if (i < 4) {
                assertEquals(IMAGES, items, "one edit per image: " + lines.get(i + 1));
            }
        }
        assertEquals(expectedPairs(), Long.parseLong(rows.get(4)[3]), "scored pairs of the ablation run");
    }

    /**
     * The pairs the ablation must score, from the generator's truth (the oracle OCR spots exactly the truth words):
     * every sample raw; an image with text also All removed and, as the single shard holds other text images, random
     * All; an image whose caption repeats a printed word also Co removed and random Co.
     */
    private static long expectedPairs() {
        MiniLaion gen = new MiniLaion(SynthConfig.builder()
                .setSeed(1) // EditBenchmark.ablation's pool
                .setSamples(SAMPLES)
                .optImageSize(256)
                .build());
        long text = 0;
        long co = 0;
        for (int i = 0; i < SAMPLES; i++) {
            Truth t = gen.generate(i).truth();
            boolean printed = t.words().stream().anyMatch(w -> !w.text().isBlank());
            text += printed ? 1 : 0;
            co += printed && !t.captionWordsInImage().isEmpty() ? 1 : 0;
        }
        assertTrue(text >= 2 && co >= 2, "the pool has donors for both baselines: " + text + " text, " + co + " Co");
        return SAMPLES + 2 * text + 2 * co;
    }
}
