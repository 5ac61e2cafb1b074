package org.parrotscope.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a recognised text line into words at spaces, giving each word a sub-quadrilateral of the line.
 * The CTC time step at which a character is emitted locates it along the line (the recogniser's steps
 * are equally spaced columns of its input), so a word spans from half a character pitch before its first
 * character to half a pitch after its last; the line's first and last words keep the line's ends.
 */
final class LineSplitter {

    private LineSplitter() {}

    /**
     * @param chars the decoded characters
     * @param positions each character's position along the line as a fraction in [0, 1] of the text width
     * @param line the line's quad in image pixels, 8 coordinates clockwise from the top-left
     * @param vertical true when the line was rotated for recognition (reading runs top to bottom along
     *     the quad's right edge), false for left-to-right lines
     * @return the words, left to right (top to bottom for vertical lines)
     */
    static List<SpottedWord> split(List<CtcDecoder.Emitted> chars, double[] positions, float[] line, boolean vertical) {
        List<int[]> groups = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= chars.size(); i++) {
            boolean space = i == chars.size() || chars.get(i).isSpace() || chars.get(i).text().isBlank();
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                groups.add(new int[] {start, i - 1});
                start = -1;
            }
        }
        List<SpottedWord> words = new ArrayList<>();
        if (groups.isEmpty()) {
            return words;
        }
        int n = chars.size();
        double pitch = n > 1 ? (positions[n - 1] - positions[0]) / (n - 1) : 1.0;
        for (int g = 0; g < groups.size(); g++) {
            int first = groups.get(g)[0];
            int last = groups.get(g)[1];
            double lo = g == 0 ? 0.0 : clamp(positions[first] - pitch / 2);
            double hi = g == groups.size() - 1 ? 1.0 : clamp(positions[last] + pitch / 2);
            StringBuilder text = new StringBuilder();
            double conf = 0;
            for (int i = first; i <= last; i++) {
                text.append(chars.get(i).text());
                conf += chars.get(i).prob();
            }
            float confidence = (float) Math.max(0, Math.min(1, conf / (last - first + 1)));
            Quad q = new Quad(subQuad(line, lo, Math.max(lo, hi), vertical));
            words.add(new SpottedWord(text.toString(), confidence, q, q.bounds()));
        }
        return words;
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
                lerp(q[6], q[4], hi), lerp(q[7], q[5], hi), lerp(q[6], q[4], lo), lerp(q[7], q[5], lo)};
        }
        // left edge tl->bl, right edge tr->br
        return new float[] {
            lerp(q[0], q[6], lo), lerp(q[1], q[7], lo), lerp(q[2], q[4], lo), lerp(q[3], q[5], lo),
            lerp(q[2], q[4], hi), lerp(q[3], q[5], hi), lerp(q[0], q[6], hi), lerp(q[1], q[7], hi)};
    }

    private static float lerp(float a, float b, double t) {
        return (float) (a + (b - a) * t);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
