package org.parrotscope.data.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * The text-free part of a mini-LAION image: one object of a class and colour, at a size and position, over a
 * background. The class, colour and background kind are drawn first from the scene's random source, so they do
 * not depend on the image size.
 *
 * @param className the object class
 * @param color the object colour
 * @param background the background kind and base colour (set once painted)
 * @param large true when the object fills much of the image (for "large"/"small" in captions)
 */
record Scene(String className, Palette.Named color, Backgrounds.Painted background, boolean large) {

    /**
     * Draws a scene.
     *
     * @param r the scene's random source (consumed)
     * @param size the image width and height
     * @param img the RGB image to draw into
     * @return the scene's description
     */
    static Scene paint(SplittableRandom r, int size, BufferedImage img) {
        String cls = Concepts.CLASSES.get(r.nextInt(Concepts.CLASSES.size()));
        Palette.Named color = Palette.pick(r);
        double half = r.nextDouble(0.2, 0.42);
        double cx = r.nextDouble(half, 1 - half);
        double cy = r.nextDouble(half, 1 - half);
        double angle = Math.toRadians(r.nextDouble(-10, 10));
        Graphics2D g = graphics(img);
        try {
            Backgrounds.Painted bg = Backgrounds.paint(g, size, r, color.color());
            AffineTransform at = AffineTransform.getTranslateInstance(cx * size, cy * size);
            at.rotate(angle);
            at.scale(half * size, half * size);
            g.setTransform(at);
            Concepts.draw(g, cls, color.color());
            return new Scene(cls, color, bg, half > 0.32);
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
