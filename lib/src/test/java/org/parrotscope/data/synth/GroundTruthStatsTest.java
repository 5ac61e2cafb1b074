package org.parrotscope.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Table-1 quantities and CoTR computed by hand from Algorithm 1. */
class GroundTruthStatsTest {

    private static Truth truth(String... words) {
        List<WordBox> boxes = new java.util.ArrayList<>();
        for (String w : words) {
            boxes.add(new WordBox(w, 0, 0, 10, 10));
        }
        return new Truth("car", "red", "plain", "parrot", boxes, List.of());
    }

    @Test
    void cotr_dividesByTheCaptionWordSetNotTheUnion() {
        // caption set {SALE, sale, big} (3 words, SALE counted once), printed {SALE, NOW}: 1/3 (IoU would be 1/4)
        assertEquals(1.0 / 3, GroundTruthStats.cotr("SALE sale  big SALE", List.of("SALE", "NOW")), 1e-12);
    }

    @Test
    void cotr_isExactAndCaseSensitiveOnWhitespaceTokens() {
        assertEquals(0.0, GroundTruthStats.cotr("sale! Sale", List.of("SALE", "sale")), 0);
        assertEquals(0.5, GroundTruthStats.cotr("\tSALE\n today ", List.of("SALE")), 0);
        assertEquals(0.0, GroundTruthStats.cotr("   ", List.of("SALE")), 0);
    }

    @Test
    void accumulator_countsTextImagesAndAveragesWithZeroForTextFreeImages() {
        GroundTruthStats s = new GroundTruthStats.Accumulator()
                .add("red car", truth()) // no text
                .add("SALE now", truth("SALE")) // CoTR 1/2
                .add("a red car", truth("car")) // CoTR 1/3 (accidental match)
                .add("IMG_1234.jpg", truth("Acme")) // CoTR 0
                .stats();
        assertEquals(4, s.images());
        assertEquals(3, s.imagesWithText());
        assertEquals(2, s.imagesWithCoEmbText());
        assertEquals((0.5 + 1.0 / 3) / 4, s.meanCotrTotal(), 1e-12);
        assertEquals((0.5 + 1.0 / 3) / 3, s.meanCotrTextImages(), 1e-12);
        assertEquals(0.75, s.textRate(), 0);
        assertEquals(2.0 / 3, s.coEmbRateOfTextImages(), 1e-12);
        assertTrue(s.table().contains("Num. of Img. w/ Co-Emb. Text      2 (66.67% of text images)"), s.table());
    }

    @Test
    void truth_roundTripsThroughJson() {
        Truth t = new Truth(
                "cup", "blue", "texture", "mixed", List.of(new WordBox("Acme", 1, 2, 30, 14)), List.of("Acme"));
        com.google.gson.JsonObject meta = new com.google.gson.JsonObject();
        meta.add("truth", t.toJson());
        assertEquals(t, Truth.fromJson(meta));
        assertEquals(
                "{\"class\":\"cup\",\"color\":\"blue\",\"background\":\"texture\",\"caption_style\":\"mixed\","
                        + "\"words\":[{\"text\":\"Acme\",\"box\":[1,2,30,14]}],\"caption_words_in_image\":[\"Acme\"]}",
                t.toJson().toString());
    }
}
