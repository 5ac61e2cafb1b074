package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Letter-spaced lines split by the rhythm of their letters, and Tesseract's breaks taken when readers agree. */
class TrackingTest {

    /** A line of characters at the given centres (fractions of the width); "_" is a recognised space. */
    private static List<CtcDecoder.Emitted> chars(String text) {
        List<CtcDecoder.Emitted> out = new ArrayList<>();
        for (char c : text.toCharArray()) {
            out.add(new CtcDecoder.Emitted(c == '_' ? " " : String.valueOf(c), 0.9f, 0, 0));
        }
        return out;
    }

    private static List<String> texts(List<LineWord> ws) {
        return ws.stream().map(LineWord::text).toList();
    }

    /**
     * S O U T H   P A R K, tracked: letters 0.06 apart, a blank of 0.03 between letters except 0.012 around the
     * diagonal A (a narrower blank, but still one) and 0.08 between the words; the recogniser put a space after O.
     */
    @Test
    void words_trackedLine_splitAtTheWiderBlanksOnly() {
        List<CtcDecoder.Emitted> cs = chars("SO_UTHPARK");
        double[] pos = new double[cs.size()];
        // the space sits between O and U
        int[] at = {0, 1, -1, 2, 3, 4, 5, 6, 7, 8};
        double[] letterCentres = {0.05, 0.11, 0.17, 0.23, 0.29, 0.40, 0.46, 0.52, 0.58};
        for (int i = 0; i < cs.size(); i++) {
            pos[i] = at[i] < 0 ? 0.14 : letterCentres[at[i]];
        }
        List<double[]> blanks = new ArrayList<>();
        for (int k = 0; k + 1 < letterCentres.length; k++) {
            double mid = (letterCentres[k] + letterCentres[k + 1]) / 2;
            double half = k == 4 ? 0.04 : (k == 5 || k == 6) ? 0.006 : 0.015; // H|P word gap, A narrower
            blanks.add(new double[] {mid - half, mid + half});
        }
        List<LineWord> got = Tracking.words(cs, pos, blanks);
        assertEquals(List.of("SOUTH", "PARK"), texts(got));
        // SOUTH ends where the word blank starts; PARK starts where it ends
        double mid = (0.29 + 0.40) / 2;
        assertEquals(mid - 0.04, got.get(0).hi(), 1e-9);
        assertEquals(mid + 0.04, got.get(1).lo(), 1e-9);
    }

    /** Ordinary type: blanks between letters are a small part of the pitch, so the line is left alone. */
    @Test
    void words_ordinarySpacing_notTracked() {
        List<CtcDecoder.Emitted> cs = chars("Market");
        double[] pos = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        List<double[]> blanks = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            double mid = 0.15 + 0.1 * k;
            blanks.add(new double[] {mid - 0.007, mid + 0.007}); // 0.14 of the pitch
        }
        assertNull(Tracking.words(cs, pos, blanks));
        // and a line whose letters touch (no blanks) is not tracked either
        assertNull(Tracking.words(cs, pos, List.of()));
    }

    @Test
    void split_readersAgreeOnLetters_takesTesseractsBreaks() {
        List<CtcDecoder.Emitted> cs = chars("RESTAURANTFUN");
        List<LineWord> tess = List.of(new LineWord("RESTAURANT", 0.4f, 0.0, 0.74), new LineWord("FUN", 0.3f, 0.8, 1.0));
        List<LineWord> got = SpaceAgreement.split(cs, tess);
        assertEquals(List.of("RESTAURANT", "FUN"), texts(got));
        assertEquals(0.8, got.get(1).lo(), 1e-9);
        // PP-OCR's letters and case are kept; Tesseract's case may differ
        List<LineWord> lower =
                List.of(new LineWord("Restaurant", 0.4f, 0.0, 0.74), new LineWord("fun", 0.3f, 0.8, 1.0));
        assertEquals(List.of("RESTAURANT", "FUN"), texts(SpaceAgreement.split(cs, lower)));
    }

    @Test
    void split_readersDisagree_orNoNewBreak_returnsNull() {
        List<CtcDecoder.Emitted> cs = chars("RESTAURANTFUN");
        assertNull(SpaceAgreement.split(
                cs, List.of(new LineWord("RESTAURAN", 0.9f, 0, 0.7), new LineWord("FUN", 0.9f, 0.8, 1))));
        assertNull(SpaceAgreement.split(cs, List.of(new LineWord("RESTAURANTFUN", 0.9f, 0, 1))));
        // PP-OCR already has the break: nothing to add
        assertNull(SpaceAgreement.split(
                chars("BEST_CAFE"), List.of(new LineWord("BEST", 0.9f, 0, 0.4), new LineWord("CAFE", 0.9f, 0.5, 1))));
    }

    @Test
    void anchor_confidentTesseractWordAtAnEnd_splitOff() {
        List<LineWord> words =
                List.of(new LineWord("Cafe", 0.9f, 0.0, 0.15), new LineWord("LondonStylePlusFrosty", 0.9f, 0.17, 1.0));
        List<LineWord> tess = List.of(
                new LineWord("Cafe", 0.93f, 0.0, 0.15),
                new LineWord("Londgi", 0.0f, 0.17, 0.6),
                new LineWord("Plus", 0.97f, 0.63, 0.77),
                new LineWord("Frosty", 0.97f, 0.79, 1.0));
        assertEquals(List.of("Cafe", "LondonStyle", "Plus", "Frosty"), texts(SpaceAgreement.anchor(words, tess)));
        // HOMEMOON with a confident MOON, an unsure "Homey": split at the anchor, letters from PP-OCR
        List<LineWord> hm = SpaceAgreement.anchor(
                List.of(new LineWord("HOMEMOON", 0.9f, 0.0, 1.0)),
                List.of(new LineWord("Homey", 0.0f, 0.0, 0.54), new LineWord("MOON", 0.91f, 0.61, 1.0)));
        assertEquals(List.of("HOME", "MOON"), texts(hm));
        assertEquals(0.5, hm.get(1).lo(), 1e-9);
    }

    @Test
    void anchor_unsureShortOrInnerWords_leaveTheWordAlone() {
        List<LineWord> w = List.of(new LineWord("GALLERYDINER", 0.9f, 0.0, 1.0));
        // ERY and DIN lie inside the word, IN is too short, and an unsure word is no anchor
        List<LineWord> tess = List.of(
                new LineWord("ERY", 0.97f, 0.3, 0.5),
                new LineWord("IN", 0.97f, 0.6, 0.7),
                new LineWord("DINER", 0.5f, 0.6, 1));
        assertEquals(List.of("GALLERYDINER"), texts(SpaceAgreement.anchor(w, tess)));
        // a word that leaves fewer than two letters is not split ("MOONS" vs "MOON")
        assertEquals(
                List.of("MOONS"),
                texts(SpaceAgreement.anchor(
                        List.of(new LineWord("MOONS", 0.9f, 0, 1)), List.of(new LineWord("MOON", 0.99f, 0, 0.8)))));
    }

    @Test
    void split_punctuationInTesseractsReading_ignored() {
        List<LineWord> tess =
                List.of(new LineWord("\u2018CRUNCHY", 0.66f, 0.0, 0.52), new LineWord("SQUARE", 0.96f, 0.56, 0.99));
        assertEquals(List.of("CRUNCHY", "SQUARE"), texts(SpaceAgreement.split(chars("CRUNCHYSQUARE"), tess)));
        // a word of punctuation only is no word: dropped before comparing (it broke the line once)
        List<LineWord> slash = List.of(
                new LineWord("\\", 0f, 0, 0.07),
                new LineWord("FROSTY", 0.96f, 0.1, 0.5),
                new LineWord("WORLD", 0.96f, 0.53, 1));
        assertEquals(List.of("FROSTY", "WORLD"), texts(SpaceAgreement.split(chars("FROSTYWORLD"), slash)));
    }
}
