package org.parrotscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.cli.ParrotScope;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPresets;
import org.parrotscope.clip.WordTokenizer;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.edit.SyncStyle;
import org.parrotscope.edit.TextCanvas;
import org.parrotscope.train.ClipTraining;

/** The suites end to end on a real (randomly initialised, tiny) CLIP model folder. */
class EvalSuiteTest {

    @Test
    void evalCommand_json_hasEveryDocumentedKey_withConsistentCounts(@TempDir Path dir) throws Exception {
        List<String> captions = EvalData.miniLaion(5, 200, 32, 0.5).stream()
                .map(s -> s.caption())
                .toList();
        WordTokenizer tok = WordTokenizer.build(captions, 1, 16);
        try (ClipModel m = ClipModel.create(ClipTraining.withTokenizer(ClipPresets.load("tiny"), tok, 16), 1)) {
            m.save(dir);
        }
        tok.save(dir);
        StringWriter out = new StringWriter();
        var cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(
                "eval", "--model", dir.toString(), "--json", "--images", "48", "--pairs", "24", "--ngrams", "12");
        assertEquals(0, code, out.toString());
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        double top1 = o.getAsJsonObject("zeroshot").get("top1").getAsDouble();
        double top5 = o.getAsJsonObject("zeroshot").get("top5").getAsDouble();
        assertTrue(top1 >= 0 && top1 <= top5 && top5 <= 1);
        assertEquals(
                MiniLaion.classes().size(),
                o.getAsJsonObject("zeroshot").getAsJsonObject("per_class").size());
        assertEquals(24, o.getAsJsonObject("retrieval").get("pairs").getAsInt());
        assertTrue(o.getAsJsonObject("retrieval").get("i2t_r1").getAsDouble()
                <= o.getAsJsonObject("retrieval").get("i2t_r5").getAsDouble());
        assertTrue(o.getAsJsonObject("retrieval").has("t2i_r1"));
        JsonObject sync = o.getAsJsonObject("sync");
        // 12 one-grams rendered in 4 styles
        assertEquals(48, sync.get("count").getAsInt());
        double styleMean = 0;
        for (var e : sync.getAsJsonObject("by_style").entrySet()) {
            assertEquals(12, e.getValue().getAsJsonObject().get("count").getAsInt());
            styleMean += e.getValue().getAsJsonObject().get("mean").getAsDouble() / 4;
        }
        assertEquals(
                styleMean,
                sync.get("mean").getAsDouble(),
                1e-6,
                "equal-sized style groups average to the overall mean");
        assertTrue(sync.get("std").getAsDouble() >= 0);
        JsonObject typo = o.getAsJsonObject("typographic");
        assertTrue(
                typo.get("true_class_accuracy").getAsDouble()
                                + typo.get("written_class_rate").getAsDouble()
                        <= 1 + 1e-9,
                "the true and the written class are different, so both rates cannot exceed 1 together");
    }

    @Test
    void imageFolder_withACorruptImage_skipsAndCountsIt(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model");
        WordTokenizer tok = WordTokenizer.build(MiniLaion.classes(), 1, 16);
        try (ClipModel m = ClipModel.create(ClipTraining.withTokenizer(ClipPresets.load("tiny"), tok, 16), 1)) {
            m.save(model);
        }
        tok.save(model);
        Path folder = dir.resolve("concepts");
        var cl = ParrotScope.commandLine();
        assertEquals(
                0,
                cl.execute(
                        "synth",
                        "--out",
                        folder.toString(),
                        "--samples",
                        "20",
                        "--seed",
                        "2",
                        "--image-size",
                        "32",
                        "--format",
                        "png",
                        "--class-folders"));
        Path someClass;
        try (var s = java.nio.file.Files.list(folder)) {
            someClass = s.filter(java.nio.file.Files::isDirectory)
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        java.nio.file.Files.write(someClass.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        StringWriter out = new StringWriter();
        cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(
                "eval",
                "--model",
                model.toString(),
                "--json",
                "--suite",
                "zeroshot",
                "--image-folder",
                folder.toString());
        assertEquals(0, code, out.toString());
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(20, o.getAsJsonObject("zeroshot").get("images").getAsInt());
        assertEquals(1, o.getAsJsonObject("skipped").get("undecodable").getAsInt());
    }

    @Test
    void textCanvas_centresTextAndScalesFont() throws Exception {
        TextCanvas c = new TextCanvas(TextCanvas.DEFAULT_FONT);
        assertEquals(32f, TextCanvas.fontSize(224), 0f);
        assertEquals(8f, TextCanvas.fontSize(56), 0f);
        BufferedImage img = c.render("HHHH", SyncStyle.WHITE_BLACK, 224);
        int minX = 224;
        int maxX = -1;
        int minY = 224;
        int maxY = -1;
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                if ((img.getRGB(x, y) & 0xff) < 128) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        // "H" has no descender: horizontally centred within a pixel or two; vertically the ink sits above the
        // centre of the ascent+descent box, so only check that it straddles the canvas centre
        assertEquals(112, (minX + maxX) / 2.0, 2.0);
        assertTrue(minY < 112 && maxY > 100, "ink rows " + minY + ".." + maxY);
        assertEquals(0x808080, c.render("x", SyncStyle.GREY_WHITE, 64).getRGB(0, 0) & 0xffffff);
    }

    @Test
    void typographicWrite_changesOnlyTheLowerPart() throws Exception {
        TypographicProbe p = new TypographicProbe(
                new ZeroShot(List.of("cat", "dog"), ZeroShot.DEFAULT_TEMPLATES),
                new TextCanvas(TextCanvas.DEFAULT_FONT),
                1,
                8);
        BufferedImage clean = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        BufferedImage attacked = p.write(clean, "dog");
        int changedTop = 0;
        int changedBottom = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                if (attacked.getRGB(x, y) != clean.getRGB(x, y)) {
                    if (y < 32) {
                        changedTop++;
                    } else {
                        changedBottom++;
                    }
                }
            }
        }
        assertEquals(0, changedTop);
        assertTrue(changedBottom > 20);
    }
}
