package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private static List<CtcDecoder.Emitted> chars(String s, float p) {
        List<CtcDecoder.Emitted> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            out.add(new CtcDecoder.Emitted(String.valueOf(s.charAt(i)), p, i, i));
        }
        return out;
    }

    @Test
    void split_twoWords_subBoxesByCharacterPosition() {
        // line 100 px wide, 10 high; characters of "ab cd" at 0.1, 0.3, 0.5, 0.7, 0.9: pitch 0.2
        float[] line = {0, 0, 100, 0, 100, 10, 0, 10};
        List<SpottedWord> w =
                LineSplitter.split(chars("ab cd", 0.8f), new double[] {0.1, 0.3, 0.5, 0.7, 0.9}, line, false);
        assertEquals(2, w.size());
        assertEquals("ab", w.get(0).text());
        // first word: from the line start to 0.3 + pitch/2 = 0.4 -> x 0..40
        assertEquals(new Box(0, 0, 40, 10), w.get(0).box());
        // second word: from 0.7 - 0.1 = 0.6 to the line end -> x 60..100
        assertEquals("cd", w.get(1).text());
        assertEquals(new Box(60, 0, 100, 10), w.get(1).box());
        assertEquals(0.8f, w.get(1).confidence(), 1e-6);
        assertArrayEquals(
                new float[] {60, 0, 100, 0, 100, 10, 60, 10}, w.get(1).polygon().xy(), 1e-4f);
    }

    @Test
    void split_singleWord_keepsWholeLineQuad() {
        float[] line = {10, 20, 50, 24, 49, 34, 9, 30};
        List<SpottedWord> w = LineSplitter.split(chars("word", 0.9f), new double[] {0.2, 0.4, 0.6, 0.8}, line, false);
        assertEquals(1, w.size());
        assertArrayEquals(line, w.get(0).polygon().xy(), 1e-5f);
        assertEquals(new Box(9, 20, 50, 34), w.get(0).box());
    }

    @Test
    void split_leadingTrailingAndDoubleSpaces_giveOnlyWords() {
        float[] line = {0, 0, 70, 0, 70, 10, 0, 10};
        List<SpottedWord> w =
                LineSplitter.split(chars(" a  b ", 0.9f), new double[] {0.05, 0.2, 0.35, 0.5, 0.65, 0.8}, line, false);
        assertEquals(List.of("a", "b"), w.stream().map(SpottedWord::text).toList());
    }

    @Test
    void split_verticalLine_splitsTopToBottom() {
        // a 10 px wide, 100 px tall line read top to bottom
        float[] line = {0, 0, 10, 0, 10, 100, 0, 100};
        List<SpottedWord> w =
                LineSplitter.split(chars("ab cd", 0.8f), new double[] {0.1, 0.3, 0.5, 0.7, 0.9}, line, true);
        assertEquals(new Box(0, 0, 10, 40), w.get(0).box());
        assertEquals(new Box(0, 60, 10, 100), w.get(1).box());
    }

    @Test
    void split_inkGapWithoutRecognisedSpace_splitsAtTheGapEdges() {
        // "WINBLUE" read without a space; an ink gap from 0.40 to 0.46 lies between 'N' (0.35) and 'B' (0.5)
        float[] line = {0, 0, 100, 0, 100, 10, 0, 10};
        double[] pos = {0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95};
        List<SpottedWord> w =
                LineSplitter.split(chars("WINBLUE", 0.9f), pos, List.of(new double[] {0.40, 0.46}), line, false);
        assertEquals(List.of("WIN", "BLUE"), w.stream().map(SpottedWord::text).toList());
        assertEquals(new Box(0, 0, 40, 10), w.get(0).box());
        assertEquals(new Box(46, 0, 100, 10), w.get(1).box());
    }

    @Test
    void split_gapOutsideCharacterPositions_doesNotSplit() {
        // a gap near the line end (after the last character) is not between two characters
        float[] line = {0, 0, 100, 0, 100, 10, 0, 10};
        List<SpottedWord> w = LineSplitter.split(
                chars("abc", 0.9f), new double[] {0.1, 0.3, 0.5}, List.of(new double[] {0.7, 0.8}), line, false);
        assertEquals(List.of("abc"), w.stream().map(SpottedWord::text).toList());
    }
}
