package org.parrotscope.data.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places and renders the printed words of a mini-LAION image. The words are decided beforehand (so captions and
 * statistics do not depend on the image size); this class only finds a legible placement: font, size, rotation
 * within +-15 degrees, colour contrasting with what lies underneath (or a sign/label shape, or an outline), with
 * every word's box inside the image and blocks not overlapping each other. Placements that overflow are
 * rejected and retried, shrinking the font after repeated failures.
 */
final class TextPainter {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Color[] SIGN_COLORS = {
        new Color(0xFA, 0xFA, 0xFA),
        new Color(0xFF, 0xEB, 0x3B),
        new Color(0x21, 0x21, 0x21),
        new Color(0xC6, 0x28, 0x28),
        new Color(0x15, 0x65, 0xC0),
        new Color(0x2E, 0x7D, 0x32),
        new Color(0xFF, 0xF3, 0xE0)
    };
    private static final int MAX_TRIES = 2000;
    /** WCAG contrast ratio the text colour needs against the darkest and lightest background under it. */
    private static final double MIN_CONTRAST = 4.0;
    /** Outline stroke width of meme-style text, in em. */
    private static final float OUTLINE = 0.12f;

    private final int size;
    private final double signRate;
    private final double textScale;

    /** A laid-out block: word outlines and the sign outline in image pixels. */
    private record Layout(List<Shape> words, Shape sign, Rectangle2D bounds, float em) {}

    TextPainter(int size, double signRate, double textScale) {
        this.size = size;
        this.signRate = signRate;
        this.textScale = textScale;
    }

    /**
     * Draws the blocks onto the image.
     *
     * @param img the image with the scene already drawn
     * @param blocks text blocks, each a list of lines, each a list of words (exact printed text)
     * @param r the placement random source
     * @return every word with its box, in reading order
     */
    List<WordBox> draw(BufferedImage img, List<List<List<String>>> blocks, SplittableRandom r) {
        List<WordBox> out = new ArrayList<>();
        List<Rectangle2D> taken = new ArrayList<>();
        List<Font> fonts = Fonts.all();
        for (List<List<String>> block : blocks) {
            boolean sign = r.nextDouble() < signRate;
            Font font = fonts.get(r.nextInt(fonts.size()));
            double scale = 1.0;
            Layout lay = null;
            for (int t = 0; lay == null; t++) {
                if (t >= MAX_TRIES) {
                    throw new IllegalStateException("cannot place text " + block + " in a " + size + " px image");
                }
                if (t > 0 && t % 25 == 0) {
                    scale *= 0.85; // too big for the free space: shrink and retry
                }
                // long lines get a smaller font so that they can fit; sizes are relative to the image
                float em = (float)
                        (size * r.nextDouble(0.075, 0.15) * textScale * scale / Math.max(1, longestLine(block) / 12.0));
                double angle = Math.toRadians(r.nextDouble(-15, 15));
                double cx = r.nextDouble(0, size);
                double cy = r.nextDouble(0, size);
                Layout l = layout(font.deriveFont(em), block, em, sign, cx, cy, angle);
                if (fits(l, taken)) {
                    lay = l;
                }
            }
            taken.add(lay.bounds());
            double grow = paint(img, lay, sign, r);
            int i = 0;
            for (List<String> line : block) {
                for (String w : line) {
                    // anti-aliased fill touches every pixel the outline crosses: floor/ceil covers them all
                    Rectangle2D b = lay.words().get(i++).getBounds2D();
                    out.add(new WordBox(
                            w,
                            (int) Math.floor(b.getMinX() - grow),
                            (int) Math.floor(b.getMinY() - grow),
                            (int) Math.ceil(b.getMaxX() + grow),
                            (int) Math.ceil(b.getMaxY() + grow)));
                }
            }
        }
        return out;
    }

    private static int longestLine(List<List<String>> block) {
        int max = 0;
        for (List<String> line : block) {
            max = Math.max(max, String.join(" ", line).length());
        }
        return max;
    }

    private Layout layout(
            Font font, List<List<String>> block, float em, boolean sign, double cx, double cy, double angle) {
        float space = em * 0.3f;
        float lineHeight = em * 1.15f;
        List<GlyphVector> gvs = new ArrayList<>();
        float[] widths = new float[block.size()];
        float blockW = 0;
        for (int li = 0; li < block.size(); li++) {
            float w = 0;
            for (String word : block.get(li)) {
                GlyphVector gv = font.createGlyphVector(FRC, word);
                gvs.add(gv);
                w += (float) gv.getLogicalBounds().getWidth() + (w > 0 ? space : 0);
            }
            widths[li] = w;
            blockW = Math.max(blockW, w);
        }
        float blockH = lineHeight * block.size();
        AffineTransform at = AffineTransform.getTranslateInstance(cx, cy);
        at.rotate(angle);
        List<Shape> words = new ArrayList<>();
        int k = 0;
        for (int li = 0; li < block.size(); li++) {
            float x = -widths[li] / 2;
            float baseline = -blockH / 2 + li * lineHeight + em * 0.88f;
            for (String ignored : block.get(li)) {
                GlyphVector gv = gvs.get(k++);
                words.add(at.createTransformedShape(gv.getOutline(x, baseline)));
                x += (float) gv.getLogicalBounds().getWidth() + space;
            }
        }
        float pad = em * 0.35f;
        Shape signShape = at.createTransformedShape(new RoundRectangle2D.Double(
                -blockW / 2 - pad, -blockH / 2 - pad * 0.6, blockW + 2 * pad, blockH + pad * 1.4, em * 0.4, em * 0.4));
        Rectangle2D bounds = sign ? signShape.getBounds2D() : null;
        for (Shape s : words) {
            // outlined text grows by the stroke: keep a margin of 0.1 em around every word
            Rectangle2D b = s.getBounds2D();
            Rectangle2D grown = new Rectangle2D.Double(
                    b.getX() - em * 0.1, b.getY() - em * 0.1, b.getWidth() + em * 0.2, b.getHeight() + em * 0.2);
            bounds = bounds == null ? grown : bounds.createUnion(grown);
        }
        return new Layout(words, sign ? signShape : null, bounds, em);
    }

    private boolean fits(Layout l, List<Rectangle2D> taken) {
        Rectangle2D b = l.bounds();
        if (b.getMinX() < 1 || b.getMinY() < 1 || b.getMaxX() > size - 1 || b.getMaxY() > size - 1) {
            return false;
        }
        for (Shape w : l.words()) {
            if (w.getBounds2D().isEmpty()) {
                return false;
            }
        }
        for (Rectangle2D t : taken) {
            if (t.intersects(b.getX() - 2, b.getY() - 2, b.getWidth() + 4, b.getHeight() + 4)) {
                return false;
            }
        }
        return true;
    }

    /** Paints one block; returns how far the ink extends beyond the glyph outlines (the outline stroke). */
    private double paint(BufferedImage img, Layout lay, boolean sign, SplittableRandom r) {
        Graphics2D g = Scene.graphics(img);
        try {
            if (sign) {
                Color board = SIGN_COLORS[r.nextInt(SIGN_COLORS.length)];
                g.setColor(board);
                g.fill(lay.sign());
                g.setColor(Palette.tint(board, Palette.luminance(board) > 0.5 ? -0.5 : 0.5));
                g.setStroke(new BasicStroke(Math.max(1f, lay.em() * 0.06f)));
                g.draw(lay.sign());
                Color text = pickText(r, Palette.luminance(board), Palette.luminance(board));
                if (text == null) {
                    text = Palette.luminance(board) > 0.3
                            ? Palette.COLORS.get(8).color()
                            : Palette.COLORS.get(9).color();
                }
                fillWords(g, lay, text, null);
                return 0;
            }
            double[] lum = luminanceRange(img, lay.bounds());
            Color text = pickText(r, lum[0], lum[1]);
            if (text != null) {
                fillWords(g, lay, text, null);
                return 0;
            } else {
                // busy or two-toned background: meme-style outlined text stays legible on anything
                boolean light = r.nextBoolean();
                Color fill = light
                        ? Palette.COLORS.get(9).color()
                        : Palette.COLORS.get(8).color();
                Color edge = light
                        ? Palette.COLORS.get(8).color()
                        : Palette.COLORS.get(9).color();
                fillWords(g, lay, fill, edge);
                return lay.em() * OUTLINE / 2;
            }
        } finally {
            g.dispose();
        }
    }

    private static void fillWords(Graphics2D g, Layout lay, Color fill, Color outline) {
        if (outline != null) {
            g.setColor(outline);
            g.setStroke(new BasicStroke(lay.em() * OUTLINE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            lay.words().forEach(g::draw);
        }
        g.setColor(fill);
        lay.words().forEach(g::fill);
    }

    /** @return a palette colour with enough contrast against both luminances, or null when none has */
    static Color pickText(SplittableRandom r, double lumLo, double lumHi) {
        int n = Palette.COLORS.size();
        int start = r.nextInt(n);
        for (int i = 0; i < n; i++) {
            Color c = Palette.COLORS.get((start + i) % n).color();
            double l = Palette.luminance(c);
            if (Palette.contrast(l, lumLo) >= MIN_CONTRAST && Palette.contrast(l, lumHi) >= MIN_CONTRAST) {
                return c;
            }
        }
        return null;
    }

    /** @return the 5th and 95th percentile luminance of the pixels under a region */
    static double[] luminanceRange(BufferedImage img, Rectangle2D b) {
        int x0 = Math.max(0, (int) b.getMinX());
        int y0 = Math.max(0, (int) b.getMinY());
        int x1 = Math.min(img.getWidth(), (int) Math.ceil(b.getMaxX()));
        int y1 = Math.min(img.getHeight(), (int) Math.ceil(b.getMaxY()));
        int step = Math.max(1, Math.min(x1 - x0, y1 - y0) / 24);
        List<Double> l = new ArrayList<>();
        for (int y = y0; y < y1; y += step) {
            for (int x = x0; x < x1; x += step) {
                l.add(Palette.luminance(new Color(img.getRGB(x, y))));
            }
        }
        l.sort(null);
        return new double[] {l.get(l.size() * 5 / 100), l.get(Math.min(l.size() - 1, l.size() * 95 / 100))};
    }
}
