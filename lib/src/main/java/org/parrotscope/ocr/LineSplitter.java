package org.parrotscope.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a recognised text line into words, giving each word a sub-quadrilateral of the line. Words end
 * at recognised spaces and at blank ink gaps ({@link InkGaps}) that fall between two characters. The CTC
 * time step at which a character is emitted locates it along the line (the recogniser's steps are equally
 * spaced columns of its input). A word's extent runs to the edges of the ink gap that separates it from its
 * neighbour when there is one, else half a character pitch beyond its outer characters; the line's first
 * and last words keep the line's ends.
 */
final class LineSplitter {

    private LineSplitter() {}

    /**
     * Splits at spaces only.
     *
     * @param chars the decoded characters
     * @param positions each character's position along the line as a fraction in [0, 1] of the text width
     * @param line the line's quad in image pixels, 8 coordinates clockwise from the top-left
     * @param vertical true when the line was rotated for recognition (reading runs top to bottom)
     * @return the words in reading order
     */
    static List<SpottedWord> split(List<CtcDecoder.Emitted> chars, double[] positions, float[] line, boolean vertical) {
        return split(chars, positions, List.of(), line, vertical);
    }

    /**
     * Splits at spaces and ink gaps.
     *
     * @param chars the decoded characters
     * @param positions each character's position along the line as a fraction in [0, 1] of the text width
     * @param gaps blank column runs as {@code {start, end}} fractions of the text width
     * @param line the line's quad in image pixels, 8 coordinates clockwise from the top-left
     * @param vertical true when the line was rotated for recognition (reading runs top to bottom)
     * @return the words in reading order
     */
    static List<SpottedWord> split(
            List<CtcDecoder.Emitted> chars, double[] positions, List<double[]> gaps, float[] line, boolean vertical) {
        List<SpottedWord> words = new ArrayList<>();
        for (LineWord w : words(chars, positions, gaps)) {
            words.add(toSpotted(w, line, vertical));
        }
        return words;
    }

    /**
     * A line word placed on its line.
     *
     * @param w the word with its extent along the line
     * @param line the line's quad in image pixels
     * @param vertical true when the line was rotated for recognition
     * @return the word with its sub-quad and box
     */
    static SpottedWord toSpotted(LineWord w, float[] line, boolean vertical) {
        Quad q = new Quad(subQuad(line, w.lo(), w.hi(), vertical));
        return new SpottedWord(w.text(), w.confidence(), q, q.bounds());
    }

    /**
     * Splits at spaces and ink gaps, giving each word's extent as fractions of the line.
     *
     * @param chars the decoded characters
     * @param positions each character's position along the line as a fraction in [0, 1] of the text width
     * @param gaps blank column runs as {@code {start, end}} fractions of the text width
     * @return the words in reading order
     */
    static List<LineWord> words(List<CtcDecoder.Emitted> chars, double[] positions, List<double[]> gaps) {
        List<int[]> groups = new ArrayList<>();
        int start = -1;
        int prev = -1;
        for (int i = 0; i < chars.size(); i++) {
            CtcDecoder.Emitted c = chars.get(i);
            if (c.isSpace() || c.text().isBlank()) {
                if (start >= 0) {
                    groups.add(new int[] {start, prev});
                    start = -1;
                }
                continue;
            }
            if (start >= 0 && gapBetween(gaps, positions[prev], positions[i]) != null) {
                groups.add(new int[] {start, prev});
                start = -1;
            }
            if (start < 0) {
                start = i;
            }
            prev = i;
        }
        if (start >= 0) {
            groups.add(new int[] {start, prev});
        }
        List<LineWord> words = new ArrayList<>();
        if (groups.isEmpty()) {
            return words;
        }
        int n = chars.size();
        double pitch = n > 1 ? (positions[n - 1] - positions[0]) / (n - 1) : 1.0;
        double[] lo = new double[groups.size()];
        double[] hi = new double[groups.size()];
        lo[0] = 0.0;
        hi[groups.size() - 1] = 1.0;
        for (int g = 0; g + 1 < groups.size(); g++) {
            double a = positions[groups.get(g)[1]];
            double b = positions[groups.get(g + 1)[0]];
            double[] gap = gapBetween(gaps, a, b);
            hi[g] = gap != null ? gap[0] : clamp(a + pitch / 2);
            lo[g + 1] = gap != null ? gap[1] : clamp(b - pitch / 2);
        }
        for (int g = 0; g < groups.size(); g++) {
            int first = groups.get(g)[0];
            int last = groups.get(g)[1];
            StringBuilder text = new StringBuilder();
            double conf = 0;
            for (int i = first; i <= last; i++) {
                text.append(chars.get(i).text());
                conf += chars.get(i).prob();
            }
            float confidence = (float) Math.max(0, Math.min(1, conf / (last - first + 1)));
            double a = clamp(lo[g]);
            words.add(new LineWord(text.toString(), confidence, a, Math.max(a, clamp(hi[g]))));
        }
        return words;
    }

    /** The widest gap whose centre lies strictly between two positions, or null. */
    private static double[] gapBetween(List<double[]> gaps, double a, double b) {
        double[] best = null;
        for (double[] g : gaps) {
            double c = (g[0] + g[1]) / 2;
            if (c > a && c < b && (best == null || g[1] - g[0] > best[1] - best[0])) {
                best = g;
            }
        }
        return best;
    }

    /**
     * The part of a line quad between two fractions along its reading direction.
     *
     * @param q the line quad (tl, tr, br, bl)
     * @param lo start fraction
     * @param hi end fraction
     * @param vertical reading runs from the top edge to the bottom edge (tl to bl, tr to br)
     * @return 8 coordinates clockwise from the top-left
     */
    static float[] subQuad(float[] q, double lo, double hi, boolean vertical) {
        if (!vertical) {
            // top edge tl->tr, bottom edge bl->br
            return new float[] {
                lerp(q[0], q[2], lo), lerp(q[1], q[3], lo), lerp(q[0], q[2], hi), lerp(q[1], q[3], hi),
                lerp(q[6], q[4], hi), lerp(q[7], q[5], hi), lerp(q[6], q[4], lo), lerp(q[7], q[5], lo)
            };
        }
        // left edge tl->bl, right edge tr->br
        return new float[] {
            lerp(q[0], q[6], lo), lerp(q[1], q[7], lo), lerp(q[2], q[4], lo), lerp(q[3], q[5], lo),
            lerp(q[2], q[4], hi), lerp(q[3], q[5], hi), lerp(q[0], q[6], hi), lerp(q[1], q[7], hi)
        };
    }

    private static float lerp(float a, float b, double t) {
        return (float) (a + (b - a) * t);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
