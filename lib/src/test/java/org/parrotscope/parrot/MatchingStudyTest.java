package org.parrotscope.parrot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;
import tech.tablesaw.api.Table;

/** The matching rules of the study on hand-made captions, and its counts of real and false matches. */
class MatchingStudyTest {

    private static MatchingStudy.Rule rule(String name) {
        return MatchingStudy.rules().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static OcrRecord record(String key, String... words) {
        List<SpottedWord> ws = java.util.Arrays.stream(words)
                .map(w -> SpottedWord.ofBox(w, 0.9f, new Box(0, 0, 10, 10)))
                .toList();
        return OcrRecord.ok(key, "test", 64, 64, ws);
    }

    @Test
    void matched_eachRuleStep_byHand() {
        String caption = "\"Best\" coffee, in TOWN";
        List<String> ocr = List.of("BEST", "COFFEE", "town");
        assertEquals(Set.of(), MatchingStudy.matched(rule("exact"), caption, ocr));
        // case folding alone: "best" keeps its quotes and "coffee," its comma
        assertEquals(Set.of("town"), MatchingStudy.matched(rule("casefold"), caption, ocr));
        // punctuation alone: case still differs everywhere
        assertEquals(Set.of(), MatchingStudy.matched(rule("punctuation"), caption, ocr));
        assertEquals(Set.of("best", "coffee", "town"), MatchingStudy.matched(rule("normalized"), caption, ocr));
    }

    @Test
    void matched_fuzzyThresholds_byHand() {
        // coffee vs cofee: 1 edit in 6 letters; paris vs pairs: 2 edits in 5; sale vs sales: a 4-letter word
        String caption = "coffee from paris on sale";
        List<String> ocr = List.of("cofee", "pairs", "sales");
        assertEquals(Set.of(), MatchingStudy.matched(rule("fuzzy 0.1/5"), caption, ocr)); // floor(0.6) = 0 edits
        assertEquals(Set.of("coffee"), MatchingStudy.matched(rule("fuzzy 0.2/5"), caption, ocr));
        assertEquals(Set.of("coffee", "paris"), MatchingStudy.matched(rule("fuzzy 0.4/5"), caption, ocr));
        assertEquals(Set.of("coffee", "sale"), MatchingStudy.matched(rule("fuzzy 0.2/4"), caption, ocr));
    }

    @Test
    void matched_joins_byHand() {
        // a tracked heading read letter by letter, and two words run together
        Set<String> got = MatchingStudy.matched(
                rule("normalized+joins"), "Cash Gavin Stone at the bar", List.of("C", "A", "S", "H", "gavinstone"));
        assertEquals(Set.of("cash", "gavin", "stone"), got);
        // joins shorter than MIN_JOINED letters are coincidences and do not count: "a"+"t" is not "at"
        assertEquals(Set.of(), MatchingStudy.matched(rule("normalized+joins"), "look at this", List.of("a", "t")));
    }

    /**
     * Three images by hand. 1: caption "Fresh COFFEE!" on printed and spotted FRESH COFFEE: a real parrot that
     * only the normalised rules see. 2: printed and spotted HOUSE, caption "horse riding": fuzzy 0.2/5 matches
     * horse~house (one edit in five letters), a false match. 3: no text.
     */
    @Test
    void run_countsRealAndFalseMatchesAgainstTruth() {
        Map<String, TruthImages.Image> m = new LinkedHashMap<>();
        m.put("1", new TruthImages.Image("1", "Fresh COFFEE!", List.of("FRESH", "COFFEE"), "title"));
        m.put("2", new TruthImages.Image("2", "horse riding", List.of("HOUSE"), "title"));
        m.put("3", new TruthImages.Image("3", "a red car", List.of(), "none"));
        TruthImages truth = new TruthImages(m);
        List<OcrRecord> recs = List.of(record("1", "FRESH", "COFFEE"), record("2", "HOUSE"), record("3"));
        Table t = MatchingStudy.run(truth, recs);
        int exact = t.stringColumn("rule").indexOf("exact");
        int norm = t.stringColumn("rule").indexOf("normalized");
        int fuzzy = t.stringColumn("rule").indexOf("fuzzy 0.2/5");
        assertEquals(3, t.longColumn("images").get(exact));
        assertEquals(1, t.longColumn("real_parrot_images").get(exact)); // only image 1 really parrots
        // exact: "Fresh" != "FRESH", "COFFEE!" != "COFFEE": nothing matched
        assertEquals(0, t.longColumn("parrot_images").get(exact));
        assertEquals(0.0, t.doubleColumn("recall").get(exact), 1e-12);
        // normalised: fresh and coffee, both real
        assertEquals(1, t.longColumn("parrot_images").get(norm));
        assertEquals(2, t.longColumn("matched_words").get(norm));
        assertEquals(0, t.longColumn("false_words").get(norm));
        assertEquals(1.0, t.doubleColumn("recall").get(norm), 1e-12);
        // fuzzy adds horse~house in image 2: a false image and a false word
        assertEquals(2, t.longColumn("parrot_images").get(fuzzy));
        assertEquals(1, t.longColumn("false_images").get(fuzzy));
        assertEquals(3, t.longColumn("matched_words").get(fuzzy));
        assertEquals(1, t.longColumn("false_words").get(fuzzy));
        assertEquals(2.0 / 3, t.doubleColumn("word_precision").get(fuzzy), 1e-12);
        assertEquals(2.0 / 3, t.doubleColumn("parrot_rate").get(fuzzy), 1e-12);
        // with the printed words as OCR the normalised rule flags exactly the one real parrot image
        assertEquals(1.0 / 3, t.doubleColumn("rate_on_truth").get(norm), 1e-12);
    }

    @Test
    void spottingAccuracy_byHand() {
        Map<String, TruthImages.Image> m = new LinkedHashMap<>();
        m.put("1", new TruthImages.Image("1", "Fresh COFFEE!", List.of("FRESH", "COFFEE"), "title"));
        m.put("2", new TruthImages.Image("2", "horse riding", List.of("HOUSE", "HOUSE"), "watermark"));
        m.put("3", new TruthImages.Image("3", "a red car", List.of(), "none"));
        List<OcrRecord> recs = List.of(record("1", "Fresh", "COFFEE"), record("2", "HOUSE"), record("3", "x"));
        SpottingAccuracy a = SpottingAccuracy.compute("e", new TruthImages(m), recs, SpottingAccuracy.ALL);
        assertEquals(4, a.truthWords());
        assertEquals(4, a.spottedWords());
        assertEquals(2, a.wordsExact()); // COFFEE and one HOUSE tile
        assertEquals(3, a.wordsNormalized()); // and Fresh ~ FRESH
        assertEquals(1.0, a.imageTextRecall(), 1e-12);
        assertEquals(2.0 / 3, a.imageTextPrecision(), 1e-12); // "x" in the text-free image
        assertEquals(new SpottingAccuracy.ParrotCounts(1, 1, 1), a.parrot().get(Matching.NORMALIZED));
        // exact: the printed FRESH is not the caption's Fresh, but the engine's case error spells it
        assertEquals(new SpottingAccuracy.ParrotCounts(0, 1, 0), a.parrot().get(Matching.EXACT));
        SpottingAccuracy w = SpottingAccuracy.compute("e", new TruthImages(m), recs, "watermark");
        assertEquals(1, w.images());
        assertEquals(0.5, w.wordRecall(), 1e-12);
    }
}
