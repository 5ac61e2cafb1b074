package org.parrotscope.data.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * The visual concepts (object classes) of mini-LAION, each drawn procedurally in a unit frame
 * ([-1, 1] x [-1, 1], y down) with its main colour, a darker outline and a few fixed details that make the
 * class recognisable (wheels, roof, trunk, handle...).
 */
final class Concepts {

    /** The class names, as written in ground truth and captions. */
    static final List<String> CLASSES = List.of(
            "circle",
            "square",
            "triangle",
            "star",
            "heart",
            "house",
            "tree",
            "car",
            "cup",
            "fish",
            "flower",
            "umbrella",
            "moon",
            "arrow",
            "boat",
            "apple");

    private static final Color DARK = new Color(0x26, 0x26, 0x26);
    private static final Color LIGHT = new Color(0xE8, 0xF1, 0xF8);
    private static final Color TRUNK = new Color(0x6D, 0x4C, 0x41);
    private static final Color LEAF = new Color(0x2E, 0x7D, 0x32);

    private Concepts() {}

    /**
     * Draws a concept.
     *
     * @param g the graphics, already transformed so that the unit frame maps onto the object's box
     * @param name a class from {@link #CLASSES}
     * @param main the main colour
     */
    static void draw(Graphics2D g, String name, Color main) {
        Color edge = Palette.luminance(main) < 0.05 ? Palette.tint(main, 0.35) : Palette.tint(main, -0.45);
        g.setStroke(new BasicStroke(0.05f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        switch (name) {
            case "circle" -> body(g, new Ellipse2D.Double(-0.9, -0.9, 1.8, 1.8), main, edge);
            case "square" -> body(g, new Rectangle2D.Double(-0.8, -0.8, 1.6, 1.6), main, edge);
            case "triangle" -> body(g, polygon(0, -0.9, 0.95, 0.75, -0.95, 0.75), main, edge);
            case "star" -> body(g, star(), main, edge);
            case "heart" -> body(g, heart(), main, edge);
            case "house" -> house(g, main, edge);
            case "tree" -> tree(g, main, edge);
            case "car" -> car(g, main, edge);
            case "cup" -> cup(g, main, edge);
            case "fish" -> fish(g, main, edge);
            case "flower" -> flower(g, main, edge);
            case "umbrella" -> umbrella(g, main, edge);
            case "moon" -> {
                Area a = new Area(new Ellipse2D.Double(-0.85, -0.85, 1.7, 1.7));
                a.subtract(new Area(new Ellipse2D.Double(-0.35, -1.0, 1.7, 1.7)));
                body(g, a, main, edge);
            }
            case "arrow" ->
                body(
                        g,
                        polygon(-0.95, -0.22, 0.25, -0.22, 0.25, -0.6, 0.95, 0, 0.25, 0.6, 0.25, 0.22, -0.95, 0.22),
                        main,
                        edge);
            case "boat" -> boat(g, main, edge);
            case "apple" -> apple(g, main, edge);
            default -> throw new IllegalArgumentException("unknown concept " + name);
        }
    }

    private static void body(Graphics2D g, Shape s, Color fill, Color edge) {
        g.setColor(fill);
        g.fill(s);
        g.setColor(edge);
        g.draw(s);
    }

    private static Path2D polygon(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    private static Path2D star() {
        double[] xy = new double[20];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 0.95 : 0.4;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            xy[2 * i] = r * Math.cos(a);
            xy[2 * i + 1] = r * Math.sin(a) + 0.08;
        }
        return polygon(xy);
    }

    private static Shape heart() {
        GeneralPath p = new GeneralPath();
        p.moveTo(0, 0.85);
        p.curveTo(-0.2, 0.65, -0.95, 0.2, -0.9, -0.3);
        p.curveTo(-0.85, -0.85, -0.15, -0.9, 0, -0.45);
        p.curveTo(0.15, -0.9, 0.85, -0.85, 0.9, -0.3);
        p.curveTo(0.95, 0.2, 0.2, 0.65, 0, 0.85);
        p.closePath();
        return p;
    }

    private static void house(Graphics2D g, Color main, Color edge) {
        body(g, new Rectangle2D.Double(-0.7, -0.15, 1.4, 1.05), main, edge);
        body(g, polygon(-0.92, -0.1, 0, -0.92, 0.92, -0.1), edge, edge);
        body(g, new Rectangle2D.Double(-0.15, 0.35, 0.32, 0.55), DARK, DARK);
        body(g, new Rectangle2D.Double(-0.55, 0.05, 0.28, 0.26), LIGHT, edge);
        body(g, new Rectangle2D.Double(0.3, 0.05, 0.28, 0.26), LIGHT, edge);
    }

    private static void tree(Graphics2D g, Color main, Color edge) {
        body(g, new Rectangle2D.Double(-0.13, 0.25, 0.26, 0.7), TRUNK, TRUNK.darker());
        Area crown = new Area(new Ellipse2D.Double(-0.6, -0.95, 1.2, 1.0));
        crown.add(new Area(new Ellipse2D.Double(-0.85, -0.45, 0.95, 0.85)));
        crown.add(new Area(new Ellipse2D.Double(-0.1, -0.45, 0.95, 0.85)));
        body(g, crown, main, edge);
    }

    private static void car(Graphics2D g, Color main, Color edge) {
        Area body = new Area(new RoundRectangle2D.Double(-0.98, -0.12, 1.96, 0.55, 0.25, 0.25));
        body.add(new Area(polygon(-0.55, -0.12, -0.35, -0.55, 0.35, -0.55, 0.6, -0.12)));
        body(g, body, main, edge);
        body(g, polygon(-0.45, -0.15, -0.3, -0.47, -0.03, -0.47, -0.03, -0.15), LIGHT, edge);
        body(g, polygon(0.05, -0.15, 0.05, -0.47, 0.3, -0.47, 0.5, -0.15), LIGHT, edge);
        for (double x : new double[] {-0.55, 0.55}) {
            body(g, new Ellipse2D.Double(x - 0.25, 0.2, 0.5, 0.5), DARK, DARK);
            body(g, new Ellipse2D.Double(x - 0.1, 0.35, 0.2, 0.2), LIGHT, LIGHT);
        }
    }

    private static void cup(Graphics2D g, Color main, Color edge) {
        g.setStroke(new BasicStroke(0.14f));
        g.setColor(edge);
        g.draw(new Ellipse2D.Double(0.25, -0.35, 0.6, 0.6));
        g.setStroke(new BasicStroke(0.05f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        GeneralPath p = new GeneralPath();
        p.moveTo(-0.7, -0.6);
        p.lineTo(0.5, -0.6);
        p.lineTo(0.4, 0.55);
        p.quadTo(0.38, 0.8, 0.15, 0.8);
        p.lineTo(-0.35, 0.8);
        p.quadTo(-0.58, 0.8, -0.6, 0.55);
        p.closePath();
        body(g, p, main, edge);
        body(g, new Ellipse2D.Double(-0.7, -0.7, 1.2, 0.2), edge, edge);
        body(g, new RoundRectangle2D.Double(-0.95, 0.8, 1.7, 0.12, 0.1, 0.1), edge, edge);
    }

    private static void fish(Graphics2D g, Color main, Color edge) {
        body(g, polygon(0.4, 0, 0.98, -0.5, 0.9, 0, 0.98, 0.5), edge, edge);
        body(g, new Ellipse2D.Double(-0.95, -0.5, 1.5, 1.0), main, edge);
        body(g, polygon(-0.1, -0.45, 0.15, -0.75, 0.25, -0.4), edge, edge);
        body(g, new Ellipse2D.Double(-0.68, -0.2, 0.16, 0.16), DARK, DARK);
        g.setColor(edge);
        g.draw(new Line2D.Double(-0.35, -0.3, -0.35, 0.3));
    }

    private static void flower(Graphics2D g, Color main, Color edge) {
        g.setColor(LEAF);
        g.setStroke(new BasicStroke(0.1f));
        g.draw(new Line2D.Double(0, 0.1, 0, 0.98));
        body(g, new Ellipse2D.Double(0, 0.45, 0.45, 0.2), LEAF, LEAF.darker());
        g.setStroke(new BasicStroke(0.05f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        AffineTransform saved = g.getTransform();
        for (int i = 0; i < 6; i++) {
            g.setTransform(saved);
            g.translate(0, -0.3);
            g.rotate(i * Math.PI / 3);
            body(g, new Ellipse2D.Double(0.1, -0.2, 0.6, 0.4), main, edge);
        }
        g.setTransform(saved);
        Color centre = Palette.distance(main, new Color(0xFB, 0xD0, 0x2D)) > 120 ? new Color(0xFB, 0xD0, 0x2D) : TRUNK;
        body(g, new Ellipse2D.Double(-0.22, -0.52, 0.44, 0.44), centre, centre.darker());
    }

    private static void umbrella(Graphics2D g, Color main, Color edge) {
        g.setColor(DARK);
        g.setStroke(new BasicStroke(0.08f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        GeneralPath handle = new GeneralPath();
        handle.moveTo(0, -0.1);
        handle.lineTo(0, 0.7);
        handle.quadTo(0, 0.92, -0.18, 0.92);
        handle.quadTo(-0.34, 0.92, -0.34, 0.72);
        g.draw(handle);
        g.setStroke(new BasicStroke(0.05f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        GeneralPath c = new GeneralPath();
        c.moveTo(-0.98, 0);
        c.curveTo(-0.95, -0.95, 0.95, -0.95, 0.98, 0);
        for (int i = 0; i < 4; i++) {
            double x0 = 0.98 - i * 0.49;
            c.quadTo(x0 - 0.245, -0.22, x0 - 0.49, 0);
        }
        c.closePath();
        body(g, c, main, edge);
        g.setColor(edge);
        g.draw(new Line2D.Double(0, -0.7, 0, -0.85));
    }

    private static void boat(Graphics2D g, Color main, Color edge) {
        g.setColor(TRUNK);
        g.setStroke(new BasicStroke(0.06f));
        g.draw(new Line2D.Double(0, -0.95, 0, 0.35));
        g.setStroke(new BasicStroke(0.05f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Color sail = Palette.distance(main, LIGHT) > 120 ? LIGHT : Palette.tint(main, -0.5);
        body(g, polygon(0.06, -0.9, 0.75, 0.25, 0.06, 0.25), sail, edge);
        body(g, polygon(-0.06, -0.6, -0.06, 0.25, -0.55, 0.25), sail, edge);
        body(g, polygon(-0.98, 0.35, 0.98, 0.35, 0.65, 0.85, -0.65, 0.85), main, edge);
    }

    private static void apple(Graphics2D g, Color main, Color edge) {
        g.setColor(TRUNK);
        g.setStroke(new BasicStroke(0.09f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(0, -0.45, 0.1, -0.9));
        g.setStroke(new BasicStroke(0.05f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Area a = new Area(new Ellipse2D.Double(-0.88, -0.58, 1.2, 1.45));
        a.add(new Area(new Ellipse2D.Double(-0.32, -0.58, 1.2, 1.45)));
        a.add(new Area(new Ellipse2D.Double(-0.7, -0.2, 1.4, 1.0)));
        a.subtract(new Area(new Ellipse2D.Double(-0.12, -0.68, 0.24, 0.2)));
        body(g, a, main, edge);
        AffineTransform saved = g.getTransform();
        g.translate(0.12, -0.72);
        g.rotate(-0.5);
        body(g, new Ellipse2D.Double(0, -0.1, 0.45, 0.2), LEAF, LEAF.darker());
        g.setTransform(saved);
    }
}
