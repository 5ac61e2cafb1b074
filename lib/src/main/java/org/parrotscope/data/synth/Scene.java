package org.parrotscope.data.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * The text-free part of a mini-LAION image: one object of a class and colour, at a size, position and tilt,
 * over a background. {@link #plan} draws these attributes in a fixed order from the scene's random source, so
 * they never depend on the image size; {@link #paint} then draws the pixels, consuming the same source further.
 *
 * @param className the object class
 * @param color the object colour
 * @param background the background's kind and base colour
 * @param half the object's half-extent as a fraction of the image side
 * @param cx the object's centre x as a fraction of the image side
 * @param cy the object's centre y as a fraction of the image side
 * @param angle the object's tilt in radians
 */
record Scene(
        String className,
        Palette.Named color,
        Backgrounds.Plan background,
        double half,
        double cx,
        double cy,
        double angle) {

    /** @return true when the object fills much of the image (for "large"/"small" in captions) */
    boolean large() {
        return half > 0.32;
    }

    /**
     * Draws a scene's attributes.
     *
     * @param r the scene's random source (consumed)
     * @return the scene
     */
    static Scene plan(SplittableRandom r) {
        String cls = Concepts.CLASSES.get(r.nextInt(Concepts.CLASSES.size()));
        Palette.Named color = Palette.pick(r);
        double half = r.nextDouble(0.2, 0.42);
        double cx = r.nextDouble(half, 1 - half);
        double cy = r.nextDouble(half, 1 - half);
        double angle = Math.toRadians(r.nextDouble(-10, 10));
        return new Scene(cls, color, Backgrounds.plan(r, color.color()), half, cx, cy, angle);
    }

    /**
     * Paints the scene.
     *
     * @param r the scene's random source, right after {@link #plan}
     * @param size the image width and height
     * @param img the RGB image to draw into
     */
    void paint(SplittableRandom r, int size, BufferedImage img) {
        paint(r, size, size, img);
    }

    /**
     * Paints the scene into a rectangular image: positions scale with each side, the object with the shorter.
     *
     * @param r the scene's random source, right after {@link #plan}
     * @param width the image width
     * @param height the image height
     * @param img the RGB image to draw into
     */
    void paint(SplittableRandom r, int width, int height, BufferedImage img) {
        Graphics2D g = graphics(img);
        try {
            Backgrounds.paint(g, Math.max(width, height), r, background, color.color());
            AffineTransform at = AffineTransform.getTranslateInstance(cx * width, cy * height);
            at.rotate(angle);
            int side = Math.min(width, height);
            at.scale(half * side, half * side);
            g.setTransform(at);
            Concepts.draw(g, className, color.color());
        } finally {
            g.dispose();
        }
    }

    /** @return an anti-aliased graphics with deterministic, quality-first rendering hints */
    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setColor(Color.BLACK);
        return g;
    }
}
