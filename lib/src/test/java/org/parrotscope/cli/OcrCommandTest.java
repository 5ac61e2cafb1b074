package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;
import org.parrotscope.ocr.TextImage;
import picocli.CommandLine;

class OcrCommandTest {

    @TempDir
    Path tmp;

    private Path folderWithTwoImages() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("photos"));
        TextImage t = TextImage.render(320, 240, TextImage.Background.PLAIN, 4, "HELLO", "world");
        ImageIO.write(t.image(), "png", dir.resolve("a.png").toFile());
        ImageIO.write(
                new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("b.png").toFile());
        Files.writeString(dir.resolve("captions.csv"), "image,caption\na.png,hello world\nb.png,black square\n");
        return dir;
    }

    @Test
    void ocr_tesseractOnFolder_writesJsonlAndPrintsSummary() throws Exception {
        Path data = folderWithTwoImages();
        Path out = tmp.resolve("ocr");
        CommandLine cl = ParrotScope.commandLine();
        StringWriter stdout = new StringWriter();
        cl.setOut(new PrintWriter(stdout));
        int code =
                cl.execute("ocr", data.toString(), "--engine", "tesseract", "--out", out.toString(), "--threads", "2");
        assertEquals(0, code);
        List<OcrRecord> recs = OcrJsonl.read(out.resolve("photos.jsonl"));
        assertEquals(List.of("a", "b"), recs.stream().map(OcrRecord::key).toList());
        assertEquals(
                List.of("HELLO", "world"),
                recs.get(0).words().stream().map(SpottedWord::text).toList());
        assertEquals(List.of(), recs.get(1).words());
        JsonObject summary = JsonParser.parseString(stdout.toString()).getAsJsonObject();
        assertEquals(2, summary.get("samples").getAsInt());
        assertEquals("tesseract", summary.get("engine").getAsString());
    }

    @Test
    void ocr_unknownEngine_failsWithTheEngineList() throws Exception {
        Path data = folderWithTwoImages();
        CommandLine cl = ParrotScope.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(
                "ocr",
                data.toString(),
                "--engine",
                "deepsolo",
                "--out",
                tmp.resolve("o").toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("ppocr"), err.toString());
    }
}
