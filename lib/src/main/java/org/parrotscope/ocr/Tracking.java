package org.parrotscope.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a letter-spaced (tracked) line into words by the rhythm of its letters. In a tracked heading
 * ({@code S O U T H   P A R K}) every pair of letters has a clear blank between them, so ink gaps alone cut it
 * into letters, and where diagonal letters (A, V, T) leave narrower blanks, into fragments ({@code SO UTH});
 * the recogniser's spaces fall between letters too. A reader instead sees that the blanks are regular and that
 * the word breaks are the clearly wider ones. So a line counts as tracked when at least
 * {@link #MIN_GAPPED} of its adjacent letter pairs have a blank between them and the median blank is at least
 * {@link #MIN_TRACKING} of the median letter pitch (in ordinary type the blank between letters is about 0.15 of
 * the pitch, in tracked headings 0.4 and more); its words are then the runs of letters between blanks wider
 * than {@link #WORD_GAP} times the median blank, and recognised spaces are ignored. {@link LetterSpacing}
 * handles the case the recogniser already returned as one-letter words.
 */
final class Tracking {

    /** Fewest letters a tracked line has. */
    static final int MIN_LETTERS = 3;

    /** Share of adjacent letter pairs that must have a blank between them. */
    static final double MIN_GAPPED = 0.75;

    /** Least median blank, as a fraction of the median distance between letter centres. */
    static final double MIN_TRACKING = 0.3;

    /** A blank wider than this times the median blank separates words. */
    static final double WORD_GAP = 1.6;

    private Tracking() {}

    /**
     * The words of a tracked line, or null when the line is not tracked.
     *
     * @param chars the decoded characters, spaces included
     * @param positions each character's centre as a fraction of the text width
     * @param blanks blank column runs of the crop as {@code {start, end}} fractions, found with a small ratio
     *     (letter-level blanks, e.g. {@link InkGaps#find} at 0.1 of the ink height)
     * @return the words with their extents, or null
     */
    static List<LineWord> words(List<CtcDecoder.Emitted> chars, double[] positions, List<double[]> blanks) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < chars.size(); i++) {
            if (!chars.get(i).isSpace() && !chars.get(i).text().isBlank()) {
                letters.add(i);
            }
        }
        int n = letters.size();
        if (n < MIN_LETTERS) {
            return null;
        }
        double[] gap = new double[n - 1];
        double[] pitch = new double[n - 1];
        int gapped = 0;
        for (int k = 0; k + 1 < n; k++) {
            double a = positions[letters.get(k)];
            double b = positions[letters.get(k + 1)];
            pitch[k] = b - a;
            double[] g = widestBetween(blanks, a, b);
            gap[k] = g == null ? 0 : g[1] - g[0];
            gapped += g == null ? 0 : 1;
        }
        double medianGap = median(gap);
        if (gapped < MIN_GAPPED * (n - 1) || medianGap < MIN_TRACKING * median(pitch) || medianGap <= 0) {
            return null;
        }
        List<LineWord> out = new ArrayList<>();
        int start = 0;
        double lo = 0;
        for (int k = 0; k < n; k++) {
            boolean end = k == n - 1 || gap[k] > WORD_GAP * medianGap;
            if (!end) {
                continue;
            }
            double hi = 1.0;
            double nextLo = 1.0;
            if (k < n - 1) {
                double[] g = widestBetween(blanks, positions[letters.get(k)], positions[letters.get(k + 1)]);
                hi = g[0];
                nextLo = g[1];
            }
            StringBuilder text = new StringBuilder();
            double conf = 0;
            for (int j = start; j <= k; j++) {
                CtcDecoder.Emitted c = chars.get(letters.get(j));
                text.append(c.text());
                conf += c.prob();
            }
            out.add(new LineWord(
                    text.toString(), (float) Math.max(0, Math.min(1, conf / (k - start + 1))), lo, Math.max(lo, hi)));
            start = k + 1;
            lo = nextLo;
        }
        return out;
    }

    private static double[] widestBetween(List<double[]> blanks, double a, double b) {
        double[] best = null;
        for (double[] g : blanks) {
            double c = (g[0] + g[1]) / 2;
            if (c > a && c < b && (best == null || g[1] - g[0] > best[1] - best[0])) {
                best = g;
            }
        }
        return best;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
