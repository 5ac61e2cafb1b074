package org.parrotscope.data.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Background variation of mini-LAION images: plain colour, linear gradient, regular texture (stripes, checks,
 * dots, grid) and clutter (many small muted shapes). Background colours are chosen far from the object's colour
 * so the concept stays visible.
 */
final class Backgrounds {

    /** The background kinds, as written in ground truth. */
    static final List<String> KINDS = List.of("plain", "gradient", "texture", "clutter");

    /**
     * The background's attributes, drawn before painting.
     *
     * @param kind plain, gradient, texture or clutter
     * @param colorName the name of the base colour (for descriptive captions)
     * @param base the base colour as painted
     */
    record Plan(String kind, String colorName, Color base) {}

    private Backgrounds() {}

    /**
     * Draws the background's attributes: its kind and a base colour far from the object's colour.
     *
     * @param r the scene's random source
     * @param object the object's colour, to keep away from
     * @return the plan
     */
    static Plan plan(SplittableRandom r, Color object) {
        String kind = KINDS.get(r.nextInt(KINDS.size()));
        Palette.Named base = Palette.pickContrasting(r, object);
        // pale or deep variants of the base colour, still far from the object colour
        Color c = Palette.tint(base.color(), r.nextDouble(-0.3, 0.5));
        if (Palette.distance(c, object) < 120) {
            c = base.color();
        }
        return new Plan(kind, base.name(), c);
    }

    /**
     * Paints a planned background over the whole image.
     *
     * @param g the graphics in pixel coordinates
     * @param size the image width and height
     * @param r the scene's random source, after {@link #plan}
     * @param p the plan
     * @param object the object's colour
     */
    static void paint(Graphics2D g, int size, SplittableRandom r, Plan p, Color object) {
        Color c = p.base();
        g.setColor(c);
        g.fill(new Rectangle2D.Double(0, 0, size, size));
        switch (p.kind()) {
            case "gradient" -> gradient(g, size, r, c, object);
            case "texture" -> texture(g, size, r, c);
            case "clutter" -> clutter(g, size, r, c);
            default -> {}
        }
    }

    private static void gradient(Graphics2D g, int size, SplittableRandom r, Color c, Color object) {
        Color other = Palette.pickContrasting(r, object).color();
        other = Palette.tint(other, r.nextDouble(0, 0.5));
        double a = r.nextDouble(0, 2 * Math.PI);
        float cx = size / 2f;
        float dx = (float) (Math.cos(a) * size / 2);
        float dy = (float) (Math.sin(a) * size / 2);
        g.setPaint(new GradientPaint(cx - dx, cx - dy, c, cx + dx, cx + dy, other));
        g.fill(new Rectangle2D.Double(0, 0, size, size));
    }

    private static void texture(Graphics2D g, int size, SplittableRandom r, Color c) {
        // a second tone close to the base: a visible pattern that does not compete with the object
        Color t = Palette.tint(c, Palette.luminance(c) > 0.4 ? -0.18 : 0.22);
        g.setColor(t);
        double period = size * r.nextDouble(0.05, 0.12);
        switch (r.nextInt(4)) {
            case 0 -> { // diagonal stripes
                g.setStroke(new BasicStroke((float) (period * 0.4)));
                for (double x = -size; x < 2 * size; x += period) {
                    g.draw(new Line2D.Double(x, 0, x + size, size));
                }
            }
            case 1 -> { // checks
                for (int i = 0; i * period < size; i++) {
                    for (int j = 0; j * period < size; j++) {
                        if ((i + j) % 2 == 0) {
                            g.fill(new Rectangle2D.Double(i * period, j * period, period, period));
                        }
                    }
                }
            }
            case 2 -> { // dots
                for (double y = period / 2; y < size; y += period) {
                    for (double x = period / 2; x < size; x += period) {
                        g.fill(new Ellipse2D.Double(
                                x - period * 0.22, y - period * 0.22, period * 0.44, period * 0.44));
                    }
                }
            }
            default -> { // grid
                g.setStroke(new BasicStroke((float) Math.max(1, period * 0.12)));
                for (double x = 0; x < size; x += period) {
                    g.draw(new Line2D.Double(x, 0, x, size));
                    g.draw(new Line2D.Double(0, x, size, x));
                }
            }
        }
    }

    private static void clutter(Graphics2D g, int size, SplittableRandom r, Color c) {
        int n = 15 + r.nextInt(25);
        for (int i = 0; i < n; i++) {
            Color k = Palette.pick(r).color();
            // muted towards the base colour so clutter reads as background
            g.setColor(new Color(
                    (k.getRed() + 2 * c.getRed()) / 3,
                    (k.getGreen() + 2 * c.getGreen()) / 3,
                    (k.getBlue() + 2 * c.getBlue()) / 3));
            double s = size * r.nextDouble(0.03, 0.1);
            double x = r.nextDouble(-s / 2, size);
            double y = r.nextDouble(-s / 2, size);
            switch (r.nextInt(3)) {
                case 0 -> g.fill(new Ellipse2D.Double(x, y, s, s));
                case 1 -> g.fill(new Rectangle2D.Double(x, y, s, s * r.nextDouble(0.4, 1.0)));
                default -> {
                    g.setStroke(new BasicStroke(
                            (float) Math.max(1, s * 0.15), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double(x, y, x + r.nextDouble(-s, s) * 1.5, y + r.nextDouble(-s, s) * 1.5));
                }
            }
        }
    }
}
