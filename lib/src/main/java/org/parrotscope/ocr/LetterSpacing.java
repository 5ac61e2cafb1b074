package org.parrotscope.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the letters of letter-spaced headings ({@code D E P A R T M E N T  O F}) back into words. Word
 * recognisers read widely tracked capitals as one-letter words; a reader joins them because the gaps between
 * the letters of a word are regular and the gaps between words are clearly larger. So a run of at least
 * {@link #MIN_RUN} consecutive one-character words (letters or digits) is split at the gaps that are more than
 * {@link #WORD_GAP} times the run's smallest gap, and each part of at least two letters becomes one word; the
 * part's letter gaps must be uniform (largest at most {@link #WORD_GAP} times the smallest, which the split
 * guarantees) for it to be joined, and at most {@link #MAX_TRACKING} letter widths (wider gaps are separate
 * labels, such as the cells of a table, not tracking). A line that holds only one-letter words needs just
 * two of them (the detector boxes a tracked {@code O F} on its own when the words are far apart). Three
 * one-letter words in a row are rare in running text, so the rule cannot tell {@code I A M} in a wide font
 * from a tracked {@code IAM}; it joins both.
 */
final class LetterSpacing {

    /** Fewest one-letter words in a row that can be a letter-spaced word. */
    static final int MIN_RUN = 3;

    /** A gap more than this times the smallest gap of the run separates words. */
    static final double WORD_GAP = 1.6;

    /** Largest letter gap of a joined word, in units of the run's median letter width. */
    static final double MAX_TRACKING = 2.0;

    private LetterSpacing() {}

    /**
     * @param words one line's words, left to right
     * @return the words with letter-spaced runs joined (text concatenated, extent from the first letter's start
     *     to the last one's end, confidence the mean)
     */
    static List<LineWord> join(List<LineWord> words) {
        if (words.size() >= 2 && words.stream().allMatch(LetterSpacing::isLetter)) {
            return joinRun(words); // a whole line of letters: DB put them in one box, so they belong together
        }
        List<LineWord> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j < words.size() && isLetter(words.get(j))) {
                j++;
            }
            if (j - i >= MIN_RUN) {
                out.addAll(joinRun(words.subList(i, j)));
                i = j;
            } else {
                out.add(words.get(i));
                i++;
            }
        }
        return out;
    }

    private static boolean isLetter(LineWord w) {
        String t = w.text();
        return t.codePointCount(0, t.length()) == 1 && Character.isLetterOrDigit(t.codePointAt(0));
    }

    private static List<LineWord> joinRun(List<LineWord> run) {
        int n = run.size();
        double[] gaps = new double[n - 1];
        double minGap = Double.POSITIVE_INFINITY;
        for (int k = 0; k + 1 < n; k++) {
            gaps[k] = Math.max(0, run.get(k + 1).lo() - run.get(k).hi());
            minGap = Math.min(minGap, gaps[k]);
        }
        double[] widths =
                run.stream().mapToDouble(w -> w.hi() - w.lo()).sorted().toArray();
        double letterWidth = widths[n / 2];
        // 1 px in fraction units would be unknown here; a floor of 5% of a letter width keeps touching
        // letters (gap 0) from making every later gap look "larger"
        double unit = Math.max(minGap, 0.05 * letterWidth);
        List<LineWord> out = new ArrayList<>();
        int start = 0;
        for (int k = 0; k <= n - 1; k++) {
            boolean end = k == n - 1 || gaps[k] > WORD_GAP * unit;
            if (end) {
                List<LineWord> part = run.subList(start, k + 1);
                double maxGap = 0;
                for (int g = start; g < k; g++) {
                    maxGap = Math.max(maxGap, gaps[g]);
                }
                if (part.size() >= 2 && maxGap <= MAX_TRACKING * letterWidth) {
                    out.add(merge(part));
                } else {
                    out.addAll(part);
                }
                start = k + 1;
            }
        }
        return out;
    }

    private static LineWord merge(List<LineWord> part) {
        StringBuilder text = new StringBuilder();
        double conf = 0;
        for (LineWord w : part) {
            text.append(w.text());
            conf += w.confidence();
        }
        return new LineWord(
                text.toString(),
                (float) Math.min(1, conf / part.size()),
                part.get(0).lo(),
                part.get(part.size() - 1).hi());
    }
}
