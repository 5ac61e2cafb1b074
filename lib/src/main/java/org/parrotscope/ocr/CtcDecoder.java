package org.parrotscope.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy CTC decoding of a recognition output, as PaddleOCR's {@code CTCLabelDecode}: per time step the
 * most probable class; repeated classes collapse, then blanks (class 0) are removed. Classes 1..n are the
 * key file's lines and class n+1 is a space. The PP-OCRv4 output is already a softmax.
 */
final class CtcDecoder {

    /**
     * One emitted character.
     *
     * @param text the character (one key, or a space)
     * @param prob its probability at the first time step of its run (PaddleOCR's per-character score)
     * @param firstStep the first time step of the run
     * @param lastStep the last time step of the run
     */
    record Emitted(String text, float prob, int firstStep, int lastStep) {
        boolean isSpace() {
            return text.equals(" ");
        }

        double centreStep() {
            return (firstStep + lastStep + 1) / 2.0;
        }
    }

    /**
     * A decoded line.
     *
     * @param chars the emitted characters in order
     * @param steps the number of time steps of the output
     */
    record Line(List<Emitted> chars, int steps) {
        Line {
            chars = List.copyOf(chars);
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            chars.forEach(c -> sb.append(c.text()));
            return sb.toString();
        }

        /** @return the mean character probability (PaddleOCR's line score); 0 for an empty line */
        float score() {
            if (chars.isEmpty()) {
                return 0f;
            }
            double s = 0;
            for (Emitted c : chars) {
                s += c.prob();
            }
            return (float) (s / chars.size());
        }
    }

    private final List<String> keys;

    /** @param keys the key file's lines (class i+1 is keys[i]) */
    CtcDecoder(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    /** @return the number of classes the model must output: blank, the keys, space */
    int classes() {
        return keys.size() + 2;
    }

    /**
     * Decodes one item of a batch.
     *
     * @param probs the output {@code [batch, steps, classes]} flattened
     * @param item the batch index
     * @param steps time steps per item
     * @return the decoded line
     */
    Line decode(float[] probs, int item, int steps) {
        int classes = classes();
        List<Emitted> out = new ArrayList<>();
        int prev = -1;
        int base = item * steps * classes;
        for (int t = 0; t < steps; t++) {
            int off = base + t * classes;
            int best = 0;
            float bestP = probs[off];
            for (int k = 1; k < classes; k++) {
                if (probs[off + k] > bestP) {
                    bestP = probs[off + k];
                    best = k;
                }
            }
            if (best != 0 && best == prev) {
                Emitted last = out.get(out.size() - 1);
                out.set(out.size() - 1, new Emitted(last.text(), last.prob(), last.firstStep(), t));
            } else if (best != 0) {
                out.add(new Emitted(label(best), bestP, t, t));
            }
            prev = best;
        }
        return new Line(out, steps);
    }

    private String label(int k) {
        return k <= keys.size() ? keys.get(k - 1) : " ";
    }
}
