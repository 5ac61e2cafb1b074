package org.parrotscope.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The words to print into one image (1-4 words from the vocabulary, with their casing) and how they group into
 * blocks and lines. Decided before placement, from its own random source, so that the words and therefore the
 * captions and ground-truth statistics are the same at every image size.
 *
 * @param blocks text blocks, each a list of lines, each a list of words as printed
 */
record TextPlan(List<List<List<String>>> blocks) {

    /** Word counts 1..4 with weights 35/30/20/15%. */
    private static final double[] COUNT_CDF = {0.35, 0.65, 0.85, 1.0};

    /** Copies the blocks. */
    TextPlan {
        blocks = blocks.stream().map(b -> b.stream().map(List::copyOf).toList()).toList();
    }

    /** @return the printed words in reading order */
    List<String> words() {
        List<String> w = new ArrayList<>();
        blocks.forEach(b -> b.forEach(w::addAll));
        return w;
    }

    /**
     * Draws a plan.
     *
     * @param r the text random source
     * @param vocab the vocabulary
     * @return the plan
     */
    static TextPlan draw(SplittableRandom r, Vocabulary vocab) {
        double u = r.nextDouble();
        int n = 1;
        while (u > COUNT_CDF[n - 1]) {
            n++;
        }
        // one casing per image, as on a real sign or logo
        double c = r.nextDouble();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(casing(pickWord(r, vocab), c));
        }
        List<List<List<String>>> blocks = new ArrayList<>();
        if (n >= 2 && r.nextDouble() < 0.3) {
            int cut = 1 + r.nextInt(n - 1);
            blocks.add(lines(r, words.subList(0, cut)));
            blocks.add(lines(r, words.subList(cut, n)));
        } else {
            blocks.add(lines(r, words));
        }
        return new TextPlan(blocks);
    }

    private static List<List<String>> lines(SplittableRandom r, List<String> words) {
        if (words.size() >= 2 && r.nextDouble() < 0.4) {
            int cut = 1 + r.nextInt(words.size() - 1);
            return List.of(List.copyOf(words.subList(0, cut)), List.copyOf(words.subList(cut, words.size())));
        }
        return List.of(List.copyOf(words));
    }

    private static String pickWord(SplittableRandom r, Vocabulary vocab) {
        double u = r.nextDouble();
        String section = u < 0.5 ? "common" : u < 0.75 ? "brand" : u < 0.92 ? "class" : "color";
        List<String> ws = vocab.section(section);
        return ws.get(r.nextInt(ws.size()));
    }

    /** UPPER 40%, Title 30%, as listed 30% (lower case for common words, capitalised for brands). */
    private static String casing(String w, double u) {
        if (u < 0.4) {
            return w.toUpperCase(Locale.ROOT);
        }
        if (u < 0.7) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        return w;
    }
}
