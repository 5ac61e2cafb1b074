package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class OcrTablesTest {

    private static OcrSummary summary(String engine, long samples, Map<String, Long> failed, long words, double s) {
        return new OcrSummary(engine, 2, 1, 1, 0, List.of(), List.of(), samples, failed, Map.of(), words, s, s, 0);
    }

    @Test
    void ocrSummaryTable_hasOneRowPerRunWithFailuresSummedAndTheRate() {
        OcrSummary a = summary("ppocr", 10, Map.of("engine_error", 2L, "corrupt_image", 1L), 40, 4.0);
        OcrSummary b = summary("oracle", 8, Map.of(), 12, 0.5);
        Table t = OcrSummary.toTable(List.of(a, b));
        assertEquals(
                List.of("engine", "threads", "samples", "failed", "words", "seconds", "images_per_s"), t.columnNames());
        assertEquals("ppocr", t.stringColumn("engine").get(0));
        assertEquals(3L, t.longColumn("failed").get(0)); // 2 + 1
        assertEquals(0L, t.longColumn("failed").get(1));
        assertEquals(40L, t.longColumn("words").get(0));
        assertEquals(10 / 4.0, t.doubleColumn("images_per_s").get(0), 1e-12);
        assertEquals(8 / 0.5, t.doubleColumn("images_per_s").get(1), 1e-12);
        assertEquals(1, a.toTable().rowCount());
        assertEquals("ppocr", a.toTable().stringColumn("engine").get(0));
    }

    @Test
    void wordAccuracyTable_ratesAreTheCountsDivided() {
        // 4 images (3 with true text, 2 with spotted text), 10 true words, 8 spotted, 6 exact and 7 caseless matches
        WordAccuracy a = new WordAccuracy(4, 10, 8, 6, 7, 3, 2);
        WordAccuracy perfect = new WordAccuracy(2, 3, 3, 3, 3, 1, 1);
        Map<String, WordAccuracy> m = new LinkedHashMap<>();
        m.put("tesseract", a);
        m.put("oracle", perfect);
        Table t = WordAccuracy.toTable(m);
        assertEquals(List.of("tesseract", "oracle"), t.stringColumn("engine").asList());
        assertEquals(0.75, t.doubleColumn("precision").get(0), 1e-12);
        assertEquals(0.6, t.doubleColumn("recall").get(0), 1e-12);
        assertEquals(0.875, t.doubleColumn("precision_caseless").get(0), 1e-12);
        assertEquals(0.7, t.doubleColumn("recall_caseless").get(0), 1e-12);
        assertEquals(0.75, t.doubleColumn("text_rate_truth").get(0), 1e-12);
        assertEquals(0.5, t.doubleColumn("text_rate_spotted").get(0), 1e-12);
        assertEquals(-0.25, t.doubleColumn("text_rate_error").get(0), 1e-12);
        assertEquals(1.0, t.doubleColumn("recall").get(1), 1e-12);
        Table one = a.toTable();
        assertEquals(1, one.rowCount());
        assertEquals(false, one.columnNames().contains("engine"));
        assertEquals(10L, one.longColumn("truth_words").get(0));
    }
}
