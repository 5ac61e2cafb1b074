package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LetterSpacingTest {

    /** Lays out words left to right: each letter 0.03 wide, {@code gaps[i]} after word i. */
    private static List<LineWord> line(String[] words, double[] gaps) {
        List<LineWord> out = new ArrayList<>();
        double x = 0.01;
        for (int i = 0; i < words.length; i++) {
            double w = 0.03 * words[i].length();
            out.add(new LineWord(words[i], 0.9f, x, x + w));
            x += w + (i < gaps.length ? gaps[i] : 0);
        }
        return out;
    }

    private static List<String> texts(List<LineWord> ws) {
        return ws.stream().map(LineWord::text).toList();
    }

    @Test
    void join_uniformLetterGapsAndLargerWordGap_givesTheWords() {
        // D E P A R T M E N T  O F: letter gaps 0.012, the word gap 0.04 (3.3 times larger)
        String[] letters = "D E P A R T M E N T O F".split(" ");
        double[] gaps = new double[letters.length - 1];
        java.util.Arrays.fill(gaps, 0.012);
        gaps[9] = 0.04;
        List<LineWord> got = LetterSpacing.join(line(letters, gaps));
        assertEquals(List.of("DEPARTMENT", "OF"), texts(got));
        // the joined word spans its first letter's start to its last letter's end
        assertEquals(0.01, got.get(0).lo(), 1e-9);
        assertEquals(0.01 + 10 * 0.03 + 9 * 0.012, got.get(0).hi(), 1e-9);
        assertEquals(0.9f, got.get(0).confidence(), 1e-6);
    }

    @Test
    void join_lineOfTwoLetters_isOneWord() {
        assertEquals(List.of("OF"), texts(LetterSpacing.join(line(new String[] {"O", "F"}, new double[] {0.012}))));
    }

    @Test
    void join_leavesOrdinaryWordsAndShortRunsAlone() {
        List<LineWord> ws = line(new String[] {"THE", "A", "B", "TEAM"}, new double[] {0.02, 0.02, 0.02});
        assertEquals(List.of("THE", "A", "B", "TEAM"), texts(LetterSpacing.join(ws)));
    }

    @Test
    void join_lettersAmidWords_joinsOnlyTheRun() {
        List<LineWord> ws =
                line(new String[] {"Visit", "S", "A", "L", "E", "today"}, new double[] {0.05, 0.01, 0.01, 0.01, 0.05});
        assertEquals(List.of("Visit", "SALE", "today"), texts(LetterSpacing.join(ws)));
    }

    @Test
    void join_gapsFarWiderThanLetters_areSeparateLabels() {
        // letters 0.03 wide, 0.1 apart (more than MAX_TRACKING = 2 letter widths): a row of table cells
        List<LineWord> ws = line(new String[] {"X", "Y", "Z"}, new double[] {0.1, 0.1});
        assertEquals(List.of("X", "Y", "Z"), texts(LetterSpacing.join(ws)));
    }

    @Test
    void join_symbolsAreNotLetters() {
        List<LineWord> ws = line(new String[] {"A", "-", "B", "C"}, new double[] {0.01, 0.01, 0.01});
        assertEquals(List.of("A", "-", "B", "C"), texts(LetterSpacing.join(ws)));
    }
}
