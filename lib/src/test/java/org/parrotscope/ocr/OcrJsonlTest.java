package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrJsonlTest {

    @TempDir
    Path tmp;

    private static SpottedWord rotated() {
        float[] xy = {10.5f, 20f, 90f, 18f, 91f, 44.25f, 11f, 46f};
        return new SpottedWord("Parrot", 0.875f, new Quad(xy), new Box(10.5f, 18f, 91f, 46f));
    }

    @Test
    void writeThenRead_returnsEqualRecordsInOrder() throws IOException {
        List<OcrRecord> records = List.of(
                OcrRecord.ok(
                        "000001",
                        "ppocr",
                        256,
                        128,
                        List.of(rotated(), SpottedWord.ofBox("caf\u00e9", 1f, new Box(0, 0, 3, 4)))),
                OcrRecord.ok("000002", "ppocr", 1, 1, List.of()),
                OcrRecord.failed("000003", "ppocr", 0, 0, "corrupt_image: not a JPEG"));
        Path file = tmp.resolve("out/00000.jsonl");
        OcrJsonl.write(file, records);
        assertEquals(records, OcrJsonl.read(file));
        assertEquals(3, Files.readAllLines(file).size());
    }

    @Test
    void parseLine_handWrittenJson_givesFieldsAsWritten() {
        String line = "{\"key\":\"k7\",\"engine\":\"tesseract\",\"width\":640,\"height\":480,\"words\":["
                + "{\"text\":\"SALE\",\"confidence\":0.5,\"box\":[1,2,30,12],"
                + "\"polygon\":[[1,2],[30,2],[30,12],[1,12]]}]}";
        OcrRecord r = OcrJsonl.parseLine(line);
        assertEquals("k7", r.key());
        assertEquals("tesseract", r.engine());
        assertEquals(640, r.width());
        assertEquals(480, r.height());
        assertNull(r.error());
        assertEquals(1, r.words().size());
        SpottedWord w = r.words().get(0);
        assertEquals("SALE", w.text());
        assertEquals(0.5f, w.confidence());
        assertEquals(new Box(1, 2, 30, 12), w.box());
        assertArrayEquals(new float[] {1, 2, 30, 2, 30, 12, 1, 12}, w.polygon().xy());
    }

    @Test
    void toLine_writesContractFieldsAndOmitsErrorOnSuccess() {
        JsonObject o = JsonParser.parseString(OcrJsonl.toLine(OcrRecord.ok("a", "oracle", 3, 2, List.of(rotated()))))
                .getAsJsonObject();
        assertEquals(List.of("key", "engine", "width", "height", "words"), List.copyOf(o.keySet()));
        JsonObject w = o.getAsJsonArray("words").get(0).getAsJsonObject();
        assertEquals(List.of("text", "confidence", "box", "polygon"), List.copyOf(w.keySet()));
        assertEquals(
                91.0, w.getAsJsonArray("polygon").get(2).getAsJsonArray().get(0).getAsDouble());
        assertEquals(
                44.25,
                w.getAsJsonArray("polygon").get(2).getAsJsonArray().get(1).getAsDouble());
        assertFalse(o.has("error"));
    }

    @Test
    void toLine_failedRecordCarriesError() {
        JsonObject o = JsonParser.parseString(
                        OcrJsonl.toLine(OcrRecord.failed("a", "ppocr", 0, 0, "engine_error: boom")))
                .getAsJsonObject();
        assertEquals("engine_error: boom", o.get("error").getAsString());
        assertEquals(0, o.getAsJsonArray("words").size());
    }

    @Test
    void read_badLine_errorNamesFileAndLine() throws IOException {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(
                file,
                OcrJsonl.toLine(OcrRecord.ok("a", "x", 1, 1, List.of())) + "\n{\"key\":\"b\"}\n",
                StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> OcrJsonl.read(file));
        assertTrue(e.getMessage().contains("bad.jsonl:2"), e.getMessage());
        assertTrue(e.getMessage().contains("engine"), e.getMessage());
    }

    @Test
    void records_invalidValues_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Box(5, 0, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new Quad(new float[6]));
        assertThrows(IllegalArgumentException.class, () -> SpottedWord.ofBox(" ", 0.5f, new Box(0, 0, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> SpottedWord.ofBox("a", 1.5f, new Box(0, 0, 1, 1)));
    }

    @Test
    void box_iouOfHalfOverlap_isOneThird() {
        // two 2x1 boxes sharing a 1x1 square: 1 / (2 + 2 - 1)
        assertEquals(1.0 / 3, new Box(0, 0, 2, 1).iou(new Box(1, 0, 3, 1)), 1e-9);
    }

    @Test
    void quad_bounds_enclosesCorners() {
        assertEquals(new Box(10.5f, 18f, 91f, 46f), rotated().polygon().bounds());
    }
}
