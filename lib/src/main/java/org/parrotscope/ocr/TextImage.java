package org.parrotscope.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * An image with words drawn by Java2D at known places, for engine tests and the OCR benchmark: the
 * word boxes come from the font's glyph outlines, independently of any OCR engine.
 *
 * @param image the RGB image
 * @param words the drawn words with their ink boxes, in drawing (reading) order
 */
public record TextImage(BufferedImage image, List<Word> words) {

    /**
     * One drawn word.
     *
     * @param text the word
     * @param box the bounds of its ink in image pixels
     */
    public record Word(String text, Box box) {}

    /** Backgrounds of increasing difficulty. */
    public enum Background {
        /** One light colour. */
        PLAIN,
        /** A diagonal two-colour gradient. */
        GRADIENT,
        /** Random soft blobs, like an out-of-focus photo. */
        BLOBS
    }

    /** Validates and copies. */
    public TextImage {
        Objects.requireNonNull(image, "image");
        words = List.copyOf(words);
    }

    /**
     * Draws words left to right, wrapping lines, in a bold sans font sized to the image.
     *
     * @param width image width
     * @param height image height
     * @param background the background kind
     * @param seed colours and blobs
     * @param words the words
     * @return the image and the words' boxes
     */
    public static TextImage render(int width, int height, Background background, long seed, String... words) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paintBackground(g, width, height, background, rnd);
            int size = Math.max(12, Math.min(48, height / 8));
            Font font = new Font(rnd.nextBoolean() ? Font.SANS_SERIF : Font.SERIF, Font.BOLD, size);
            g.setFont(font);
            int shade = rnd.nextInt(60);
            g.setColor(new Color(shade, shade / 2, Math.min(255, shade + rnd.nextInt(60))));
            FontRenderContext frc = g.getFontRenderContext();
            float space = (float) font.getStringBounds(" ", frc).getWidth();
            float margin = Math.max(4, width / 20f);
            float x = margin;
            float y = margin + size;
            List<Word> out = new ArrayList<>();
            for (String w : words) {
                GlyphVector gv = font.createGlyphVector(frc, w);
                float adv = (float) gv.getLogicalBounds().getWidth();
                if (x > margin && x + adv > width - margin) {
                    x = margin;
                    y += 1.8f * size;
                }
                g.drawGlyphVector(gv, x, y);
                Rectangle2D ink = gv.getVisualBounds();
                out.add(new Word(
                        w,
                        new Box(
                                (float) (x + ink.getMinX()),
                                (float) (y + ink.getMinY()),
                                (float) (x + ink.getMaxX()),
                                (float) (y + ink.getMaxY()))));
                x += adv + 1.5f * space;
            }
            return new TextImage(img, out);
        } finally {
            g.dispose();
        }
    }

    private static void paintBackground(Graphics2D g, int w, int h, Background bg, Random rnd) {
        Color light = new Color(190 + rnd.nextInt(66), 190 + rnd.nextInt(66), 190 + rnd.nextInt(66));
        switch (bg) {
            case PLAIN -> {
                g.setColor(light);
                g.fillRect(0, 0, w, h);
            }
            case GRADIENT -> {
                Color other = new Color(150 + rnd.nextInt(106), 150 + rnd.nextInt(106), 150 + rnd.nextInt(106));
                g.setPaint(new GradientPaint(0, 0, light, w, h, other));
                g.fillRect(0, 0, w, h);
            }
            case BLOBS -> {
                g.setColor(light);
                g.fillRect(0, 0, w, h);
                for (int i = 0; i < 12; i++) {
                    g.setColor(new Color(150 + rnd.nextInt(106), 150 + rnd.nextInt(106), 150 + rnd.nextInt(106), 120));
                    int r = (w + h) / 8 + rnd.nextInt((w + h) / 6 + 1);
                    g.fillOval(rnd.nextInt(w + 1) - r / 2, rnd.nextInt(h + 1) - r / 2, r, r);
                }
            }
            default -> throw new IllegalArgumentException(bg.toString());
        }
    }
}
