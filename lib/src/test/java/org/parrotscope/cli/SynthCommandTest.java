package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        CommandLine cl = ParrotScope.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void synth_writesNumberedShardsAndPrintsTable1Statistics() throws Exception {
        String out = run(
                "synth",
                "--out",
                dir.toString(),
                "--samples",
                "12",
                "--seed",
                "4",
                "--shard-size",
                "5",
                "--image-size",
                "48");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(
                    List.of("00000.tar", "00001.tar", "00002.tar", "synth-options.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(out.contains("Num. of Total Img.                12"), out);
        assertTrue(out.contains("Co-Emb. Text Rate (in Total)"), out);
    }

    @Test
    void synth_withTextRateZero_reportsNoTextImages() {
        String out = run(
                "synth",
                "--out",
                dir.toString(),
                "--samples",
                "20",
                "--seed",
                "4",
                "--image-size",
                "48",
                "--text-rate",
                "0",
                "--format",
                "png");
        assertTrue(out.contains("Num. of Img. w/ Emb. Text         0 (0.00%)"), out);
    }

    @Test
    void synth_classFolders_holdTheSameImagesAsTextFreeShardsUnderTheirTruthClass() throws Exception {
        Path folders = dir.resolve("folders");
        Path shards = dir.resolve("shards");
        String out = run(
                "synth",
                "--out",
                folders.toString(),
                "--samples",
                "24",
                "--seed",
                "9",
                "--image-size",
                "40",
                "--format",
                "png",
                "--class-folders");
        assertTrue(out.contains("wrote 24 text-free images"), out);
        run(
                "synth",
                "--out",
                shards.toString(),
                "--samples",
                "24",
                "--seed",
                "9",
                "--image-size",
                "40",
                "--format",
                "png",
                "--text-rate",
                "0");
        int n = 0;
        try (org.parrotscope.data.SampleStream stream = org.parrotscope.data.Datasets.open(
                org.parrotscope.data.Datasets.resolve(List.of(shards.toString())),
                new org.parrotscope.data.SkipLog())) {
            for (org.parrotscope.data.Sample s : stream) {
                String cls = s.metadata().getAsJsonObject("truth").get("class").getAsString();
                Path f = folders.resolve(cls).resolve(s.key() + ".png");
                assertTrue(Files.isRegularFile(f), f + " missing");
                assertTrue(
                        java.util.Arrays.equals(s.imageBytes(), Files.readAllBytes(f)),
                        f + " differs from the shard's image");
                n++;
            }
        }
        assertEquals(24, n);
        try (Stream<Path> s = Files.walk(folders)) {
            assertEquals(24, s.filter(p -> p.toString().endsWith(".png")).count());
        }
    }

    @Test
    void synth_withInvalidRates_failsWithAMessage() {
        CommandLine cl = ParrotScope.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(
                "synth",
                "--out",
                dir.toString(),
                "--samples",
                "2",
                "--seed",
                "1",
                "--parrot-rate",
                "0.9",
                "--mixed-rate",
                "0.5");
        assertEquals(1, code);
        assertTrue(err.toString().contains("must be <= 1"), err.toString());
    }

    /** --hard records the layout in the options and every sample's truth, and defaults the text rate to 0.9. */
    @Test
    void synth_hard_writesHardLayoutsWithTheirTruth() throws Exception {
        run("synth", "--hard", "--out", dir.toString(), "--samples", "10", "--seed", "12", "--shard-size", "10");
        String options = Files.readString(dir.resolve("synth-options.json"));
        assertTrue(options.contains("\"layout\": \"hard\""), options);
        assertTrue(options.contains("\"text_rate\": 0.9"), options);
        org.parrotscope.parrot.TruthImages t =
                org.parrotscope.parrot.TruthImages.read(org.parrotscope.data.Datasets.resolve(
                        List.of(dir.resolve("00000.tar").toString())));
        assertEquals(10, t.byKey().size());
        for (org.parrotscope.parrot.TruthImages.Image img : t.byKey().values()) {
            assertTrue(
                    img.layout().equals("none") || org.parrotscope.data.synth.HardLayout.ofId(img.layout()) != null,
                    img.toString());
            assertEquals(img.layout().equals("none"), img.words().isEmpty(), img.toString());
        }
    }
}
