package org.parrotscope.data.synth;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders a {@link HardPlan}: the scene (a product pack instead of the object for {@link HardLayout#PRODUCT},
 * extra strokes for {@link HardLayout#TEXTURED}), then the text blocks. Every random choice and every colour is
 * decided on the text-free canvas before any glyph is drawn, so the same plan drawn without ink gives the image
 * the words were printed on, pixel for pixel outside the glyphs (what the tests compare truth boxes with).
 */
final class HardPainter {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** Bold faces of {@link Fonts#all()}: headings, brands and watermarks. */
    private static final int[] BOLD = {1, 2, 4, 6, 7, 9, 10, 11};
    /** Regular faces: small print and label lines. */
    private static final int[] REGULAR = {0, 3, 5, 8};

    private static final int MAX_TRIES = 400;
    /** Least small-print em in pixels (a cap height of about 8 px). */
    private static final float SMALL_EM_PX = 11f;

    private final HardPlan plan;
    private final int w;
    private final int h;
    private final int m;

    /** A laid-out text: word outlines in image pixels, with fill colour and opacity. */
    private record Placed(List<Shape> words, List<String> texts, Color fill, float alpha, Rectangle2D bounds) {}

    HardPainter(HardPlan plan) {
        this.plan = plan;
        this.w = plan.width();
        this.h = plan.height();
        this.m = Math.min(w, h);
    }

    /**
     * Paints the scene and, with {@code ink}, the words.
     *
     * @param img a {@code width x height} RGB image
     * @param scene the scene (object, colour, background)
     * @param sceneRandom the scene's random source, after {@link Scene#plan}
     * @param r the placement random source
     * @param ink false to leave the glyphs out (the text-free image)
     * @return every printed word with its box, in reading order (also without ink)
     */
    List<WordBox> draw(BufferedImage img, Scene scene, SplittableRandom sceneRandom, SplittableRandom r, boolean ink) {
        Rectangle2D label = paintScene(img, scene, sceneRandom, r);
        List<Placed> placed = switch (plan.layout()) {
            case WATERMARK -> watermark(img, r);
            case PRODUCT -> product(img, r, label);
            default -> blocks(img, r);
        };
        List<WordBox> out = new ArrayList<>();
        Graphics2D g = Scene.graphics(img);
        try {
            for (Placed p : placed) {
                if (ink) {
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, p.alpha()));
                    g.setColor(p.fill());
                    p.words().forEach(g::fill);
                }
                for (int i = 0; i < p.words().size(); i++) {
                    // anti-aliased fill touches every pixel the outline crosses: floor/ceil covers them all
                    Rectangle2D b = p.words().get(i).getBounds2D();
                    out.add(new WordBox(
                            p.texts().get(i),
                            Math.max(0, (int) Math.floor(b.getMinX())),
                            Math.max(0, (int) Math.floor(b.getMinY())),
                            Math.min(w, (int) Math.ceil(b.getMaxX())),
                            Math.min(h, (int) Math.ceil(b.getMaxY()))));
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Paints background and object (or product); returns the product label in image pixels, else null. */
    private Rectangle2D paintScene(BufferedImage img, Scene scene, SplittableRandom sr, SplittableRandom r) {
        Backgrounds.Plan bg = scene.background();
        if (plan.layout() == HardLayout.TEXTURED
                && !bg.kind().equals("texture")
                && !bg.kind().equals("clutter")) {
            bg = new Backgrounds.Plan(r.nextBoolean() ? "texture" : "clutter", bg.colorName(), bg.base());
        }
        Graphics2D g = Scene.graphics(img);
        try {
            Backgrounds.paint(g, Math.max(w, h), sr, bg, scene.color().color());
            if (plan.layout() == HardLayout.TEXTURED) {
                strokes(g, r, bg.base());
            }
            if (plan.layout() == HardLayout.PRODUCT) {
                return pack(g, r, scene.color().color());
            }
            AffineTransform at = AffineTransform.getTranslateInstance(scene.cx() * w, scene.cy() * h);
            at.rotate(scene.angle());
            at.scale(scene.half() * m, scene.half() * m);
            g.setTransform(at);
            Concepts.draw(g, scene.className(), scene.color().color());
            return null;
        } finally {
            g.dispose();
        }
    }

    /** Thin light and dark strokes over the whole image: grass, twigs, fabric under the text. */
    private void strokes(Graphics2D g, SplittableRandom r, Color base) {
        int n = 40 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            g.setColor(Palette.tint(base, r.nextBoolean() ? r.nextDouble(0.25, 0.5) : -r.nextDouble(0.25, 0.5)));
            g.setStroke(new BasicStroke((float) Math.max(1, m * r.nextDouble(0.004, 0.012))));
            double x = r.nextDouble(0, w);
            double y = r.nextDouble(0, h);
            double len = m * r.nextDouble(0.05, 0.25);
            double a = r.nextDouble(0, Math.PI);
            g.draw(new Line2D.Double(x, y, x + Math.cos(a) * len, y + Math.sin(a) * len));
        }
    }

    /** A pack (box) in the object's colour with a label; returns the label's bounds (the pack is upright). */
    private Rectangle2D pack(Graphics2D g, SplittableRandom r, Color main) {
        double pw = m * r.nextDouble(0.5, 0.66);
        double ph = Math.min(h * 0.9, pw * r.nextDouble(1.1, 1.4));
        double x = r.nextDouble(0.04 * w, w - pw - 0.04 * w);
        double y = r.nextDouble(0.04 * h, h - ph - 0.04 * h);
        g.setColor(main);
        g.fill(new RoundRectangle2D.Double(x, y, pw, ph, pw * 0.12, pw * 0.12));
        g.setColor(Palette.tint(main, -0.4));
        g.setStroke(new BasicStroke((float) Math.max(1, m * 0.006)));
        g.draw(new RoundRectangle2D.Double(x, y, pw, ph, pw * 0.12, pw * 0.12));
        Rectangle2D label = new Rectangle2D.Double(x + pw * 0.07, y + ph * 0.3, pw * 0.86, ph * 0.42);
        g.setColor(Palette.luminance(main) > 0.35 ? new Color(0x21, 0x21, 0x21) : new Color(0xFA, 0xFA, 0xF0));
        if (r.nextBoolean()) {
            g.setColor(Palette.tint(main, Palette.luminance(main) > 0.35 ? -0.75 : 0.85));
        }
        g.fill(label);
        return label;
    }

    /** Title, letter-spaced, small-print and textured layouts: each block placed where it fits. */
    private List<Placed> blocks(BufferedImage img, SplittableRandom r) {
        List<Placed> out = new ArrayList<>();
        List<Rectangle2D> taken = new ArrayList<>();
        double angle = Math.toRadians(r.nextDouble(-6, 6));
        for (HardPlan.Block b : plan.blocks()) {
            boolean small = b.role().equals("small");
            Font font = font(r, small || b.role().equals("subtitle") ? REGULAR : BOLD);
            double lo = small ? 0.042 : b.role().equals("subtitle") ? 0.06 : 0.085;
            double hi = small ? 0.055 : b.role().equals("subtitle") ? 0.085 : 0.15;
            Placed p = null;
            double scale = 1;
            for (int t = 0; p == null; t++) {
                if (t >= MAX_TRIES) {
                    throw new IllegalStateException("cannot place " + b.lines() + " in a " + w + "x" + h + " image");
                }
                if (t > 0 && t % 20 == 0 && !small) {
                    scale *= 0.85;
                }
                float em = (float) (m * r.nextDouble(lo, hi) * scale);
                if (small) {
                    em = Math.max(SMALL_EM_PX, em);
                }
                double a = small ? 0 : angle;
                Layout l = layout(font.deriveFont(em), em, b, r.nextDouble(0, w), r.nextDouble(0, h), a);
                if (fits(l.bounds(), taken)) {
                    p = new Placed(l.words(), b.words(), color(img, l.bounds(), r), 1f, l.bounds());
                }
            }
            taken.add(p.bounds());
            out.add(p);
        }
        return out;
    }

    /** The watermark word once per cell of a rows x cols grid, same size, angle and colour, 35-55% opaque. */
    private List<Placed> watermark(BufferedImage img, SplittableRandom r) {
        HardPlan.Block b = plan.blocks().get(0);
        Font font = font(r, BOLD);
        double angle = Math.toRadians(r.nextDouble(-30, 30));
        int rows = plan.tileRows();
        int cols = plan.tileCols();
        double cw = (double) w / cols;
        double ch = (double) h / rows;
        // size the word so that its rotated box fits a cell with a margin
        GlyphVector unit =
                font.deriveFont(100f).createGlyphVector(FRC, b.words().get(0));
        Rectangle2D u = unit.getLogicalBounds();
        double c = Math.abs(Math.cos(angle));
        double s = Math.abs(Math.sin(angle));
        double fitW = cw * 0.85 / ((u.getWidth() * c + u.getHeight() * s) / 100);
        double fitH = ch * 0.85 / ((u.getWidth() * s + u.getHeight() * c) / 100);
        float em = (float) Math.min(Math.min(fitW, fitH), m * 0.2) * (float) r.nextDouble(0.8, 1.0);
        double[] lum = TextPainter.luminanceRange(img, new Rectangle2D.Double(0, 0, w, h));
        boolean white = (lum[0] + lum[1]) / 2 < 0.55;
        Color fill = white ? Color.WHITE : Color.BLACK;
        float alpha = (float) (white ? r.nextDouble(0.4, 0.55) : r.nextDouble(0.35, 0.5));
        List<Placed> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                Layout l = layout(font.deriveFont(em), em, b, (j + 0.5) * cw, (i + 0.5) * ch, angle);
                out.add(new Placed(l.words(), b.words(), fill, alpha, l.bounds()));
            }
        }
        return out;
    }

    /** The brand large on the label's upper half, the label line smaller below it. */
    private List<Placed> product(BufferedImage img, SplittableRandom r, Rectangle2D label) {
        List<Placed> out = new ArrayList<>();
        HardPlan.Block brand = plan.blocks().get(0);
        HardPlan.Block line = plan.blocks().get(1);
        Font bf = font(r, BOLD);
        Font lf = font(r, REGULAR);
        float bem = fitEm(bf, brand, label.getWidth() * 0.85, label.getHeight() * 0.42);
        float lem = Math.max(SMALL_EM_PX, Math.min(bem * 0.5f, fitEm(lf, line, label.getWidth() * 0.85, 1e9)));
        double cx = label.getCenterX();
        Layout lb = layout(bf.deriveFont(bem), bem, brand, cx, label.getY() + label.getHeight() * 0.33, 0);
        Layout ll = layout(lf.deriveFont(lem), lem, line, cx, label.getY() + label.getHeight() * 0.75, 0);
        double[] lum = TextPainter.luminanceRange(img, label);
        Color fill = TextPainter.pickText(r, lum[0], lum[1]);
        if (fill == null) {
            fill = best(lum);
        }
        out.add(new Placed(lb.words(), brand.words(), fill, 1f, lb.bounds()));
        out.add(new Placed(ll.words(), line.words(), fill, 1f, ll.bounds()));
        return out;
    }

    /** The largest em at which a one-line block is at most {@code maxW} wide and its em at most {@code maxH}. */
    private static float fitEm(Font f, HardPlan.Block b, double maxW, double maxH) {
        float width = 0;
        for (String word : b.words()) {
            width += (float) f.deriveFont(100f)
                            .createGlyphVector(FRC, word)
                            .getLogicalBounds()
                            .getWidth()
                    + 30f;
        }
        return (float) Math.min(maxH, maxW * 100 / width);
    }

    private static Font font(SplittableRandom r, int[] faces) {
        return Fonts.all().get(faces[r.nextInt(faces.length)]);
    }

    /** A palette colour legible on the region, else the better of black and white (no outline: the hard case). */
    private static Color color(BufferedImage img, Rectangle2D region, SplittableRandom r) {
        double[] lum = TextPainter.luminanceRange(img, region);
        Color c = TextPainter.pickText(r, lum[0], lum[1]);
        return c != null ? c : best(lum);
    }

    private static Color best(double[] lum) {
        Color black = Palette.COLORS.get(8).color();
        Color white = Palette.COLORS.get(9).color();
        double cb = Math.min(
                Palette.contrast(Palette.luminance(black), lum[0]), Palette.contrast(Palette.luminance(black), lum[1]));
        double cw = Math.min(
                Palette.contrast(Palette.luminance(white), lum[0]), Palette.contrast(Palette.luminance(white), lum[1]));
        return cb >= cw ? black : white;
    }

    private boolean fits(Rectangle2D b, List<Rectangle2D> taken) {
        if (b.getMinX() < 1 || b.getMinY() < 1 || b.getMaxX() > w - 1 || b.getMaxY() > h - 1) {
            return false;
        }
        for (Rectangle2D t : taken) {
            if (t.intersects(b.getX() - 2, b.getY() - 2, b.getWidth() + 4, b.getHeight() + 4)) {
                return false;
            }
        }
        return true;
    }

    /** Word outlines of a block centred on (cx, cy), rotated, and its bounds with a margin of 0.1 em. */
    private record Layout(List<Shape> words, Rectangle2D bounds) {}

    private static Layout layout(Font font, float em, HardPlan.Block b, double cx, double cy, double angle) {
        double tracking = b.tracking() * em;
        // tracked words need a clearly larger gap between words than between letters, as designers set them
        double space = tracking > 0 ? 0.45 * em + 2 * tracking : 0.3 * em;
        double lineHeight = em * 1.2;
        List<List<Shape>> lines = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        for (List<String> line : b.lines()) {
            List<Shape> shapes = new ArrayList<>();
            double x = 0;
            for (String word : line) {
                if (x > 0) {
                    x += space;
                }
                Area a = new Area();
                if (tracking == 0) {
                    GlyphVector gv = font.createGlyphVector(FRC, word);
                    a.add(new Area(gv.getOutline((float) x, 0)));
                    x += gv.getLogicalBounds().getWidth();
                } else {
                    int[] cps = word.codePoints().toArray();
                    for (int k = 0; k < cps.length; k++) {
                        GlyphVector gv = font.createGlyphVector(FRC, new String(cps, k, 1));
                        a.add(new Area(gv.getOutline((float) x, 0)));
                        x += gv.getLogicalBounds().getWidth() + (k + 1 < cps.length ? tracking : 0);
                    }
                }
                shapes.add(a);
            }
            lines.add(shapes);
            widths.add(x);
        }
        double blockH = lineHeight * b.lines().size();
        AffineTransform at = AffineTransform.getTranslateInstance(cx, cy);
        at.rotate(angle);
        List<Shape> words = new ArrayList<>();
        Rectangle2D bounds = null;
        for (int li = 0; li < lines.size(); li++) {
            AffineTransform lt = new AffineTransform(at);
            lt.translate(-widths.get(li) / 2, -blockH / 2 + li * lineHeight + em * 0.88);
            for (Shape s : lines.get(li)) {
                Shape t = lt.createTransformedShape(s);
                words.add(t);
                Rectangle2D g = t.getBounds2D();
                Rectangle2D grown = new Rectangle2D.Double(
                        g.getX() - em * 0.1, g.getY() - em * 0.1, g.getWidth() + em * 0.2, g.getHeight() + em * 0.2);
                bounds = bounds == null ? grown : bounds.createUnion(grown);
            }
        }
        return new Layout(words, bounds);
    }
}
