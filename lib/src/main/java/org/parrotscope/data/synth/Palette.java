package org.parrotscope.data.synth;

import java.awt.Color;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The named colours of mini-LAION objects, backgrounds and text, with the contrast measures that keep objects
 * visible on their background and printed words legible.
 */
final class Palette {

    /** A colour with the English name used in captions and ground truth. */
    record Named(String name, Color color) {}

    /** Object colours: eleven basic colour terms, the ones a small CLIP can tell apart. */
    static final List<Named> COLORS = List.of(
            new Named("red", new Color(0xD3, 0x2F, 0x2F)),
            new Named("orange", new Color(0xF5, 0x7C, 0x00)),
            new Named("yellow", new Color(0xFB, 0xD0, 0x2D)),
            new Named("green", new Color(0x38, 0x8E, 0x3C)),
            new Named("blue", new Color(0x19, 0x4F, 0xC2)),
            new Named("purple", new Color(0x7B, 0x1F, 0xA2)),
            new Named("pink", new Color(0xF0, 0x62, 0x92)),
            new Named("brown", new Color(0x79, 0x55, 0x48)),
            new Named("black", new Color(0x21, 0x21, 0x21)),
            new Named("white", new Color(0xF5, 0xF5, 0xF5)),
            new Named("gray", new Color(0x9E, 0x9E, 0x9E)));

    private Palette() {}

    /** @return a uniformly drawn object colour */
    static Named pick(SplittableRandom r) {
        return COLORS.get(r.nextInt(COLORS.size()));
    }

    /** @return a colour named differently from {@code avoid} and far enough from it in RGB to stand out */
    static Named pickContrasting(SplittableRandom r, Color avoid) {
        for (int i = 0; i < 50; i++) {
            Named c = pick(r);
            if (distance(c.color(), avoid) > 150) {
                return c;
            }
        }
        return luminance(avoid) > 0.5 ? COLORS.get(8) : COLORS.get(9);
    }

    /** @return a lighter or darker tint of {@code c}; {@code t} in [-1, 1], positive towards white */
    static Color tint(Color c, double t) {
        int target = t >= 0 ? 255 : 0;
        double a = Math.abs(t);
        return new Color(mix(c.getRed(), target, a), mix(c.getGreen(), target, a), mix(c.getBlue(), target, a));
    }

    private static int mix(int v, int target, double a) {
        return (int) Math.round(v + (target - v) * a);
    }

    /** @return the Euclidean RGB distance */
    static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed();
        int dg = a.getGreen() - b.getGreen();
        int db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    /** @return the WCAG 2 relative luminance in [0, 1] */
    static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    /** @return the WCAG 2 contrast ratio in [1, 21] (3 is the minimum for large text) */
    static double contrast(double lumA, double lumB) {
        double hi = Math.max(lumA, lumB);
        double lo = Math.min(lumA, lumB);
        return (hi + 0.05) / (lo + 0.05);
    }

    private static double lin(int v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
