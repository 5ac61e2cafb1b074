package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordAccuracyTest {

    private static OcrRecord rec(String key, String engine, String... words) {
        List<SpottedWord> ws = java.util.Arrays.stream(words)
                .map(w -> SpottedWord.ofBox(w, 1f, new Box(0, 0, 1, 1)))
                .toList();
        return OcrRecord.ok(key, engine, 10, 10, ws);
    }

    @Test
    void compare_multisetMatching_exactAndCaseless() {
        List<OcrRecord> truth = List.of(
                rec("1", "oracle", "SALE", "sale", "today"),
                rec("2", "oracle"),
                rec("3", "oracle", "Parrot"),
                rec("4", "oracle", "lost")); // failed in the engine run: left out
        List<OcrRecord> spotted = List.of(
                rec(
                        "1", "ppocr", "SALE", "SALE", "today",
                        "x"), // exact: SALE once (only one SALE in truth), today -> 2; caseless: SALE, sale, today -> 3
                rec("2", "ppocr", "noise"),
                rec("3", "ppocr", "parrot"),
                OcrRecord.failed("4", "ppocr", 0, 0, "engine_error: boom"));
        WordAccuracy a = WordAccuracy.compare(truth, spotted);
        assertEquals(3, a.images());
        assertEquals(4, a.truthWords());
        assertEquals(6, a.spottedWords());
        assertEquals(2, a.matchedExact());
        assertEquals(4, a.matchedCaseless());
        assertEquals(2.0 / 6, a.precision(), 1e-12);
        assertEquals(2.0 / 4, a.recall(), 1e-12);
        assertEquals(4.0 / 6, a.precisionCaseless(), 1e-12);
        assertEquals(1.0, a.recallCaseless(), 1e-12);
        // truth: 2 of 3 images have text; spotted: 3 of 3 -> +1/3
        assertEquals(1.0 / 3, a.textRateError(), 1e-12);
    }
}
