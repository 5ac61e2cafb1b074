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
import java.util.Random;

/**
 * Photo-sized images with small print, for choosing {@link OcrOptions#detMaxSide()}: a few short lines of words
 * in 8-13 px fonts, cap height 6-9 px (signs, labels and captions seen from afar in a 1280x720 street photo),
 * scattered on a gradient with soft blobs. The truth is each word's glyph box, drawn by Java2D, independently of
 * any engine.
 */
public final class SmallPrintImages {

    private static final String[] WORDS = {
        "EXIT",
        "Parking",
        "coffee",
        "OPEN",
        "Market",
        "Street",
        "HOTEL",
        "bakery",
        "Station",
        "Pharmacy",
        "NO",
        "ENTRY",
        "Books",
        "Garden",
        "Bus",
        "Stop",
        "Museum",
        "Tickets",
        "Sale",
        "Lunch",
        "Bank",
        "Taxi",
        "Police",
        "Menu",
        "Fresh",
        "Fish",
        "Wine",
        "Bar",
        "Open",
        "Daily",
        "Hair",
        "Salon",
        "Shoes",
        "Repair",
        "Photo",
        "Print"
    };

    private SmallPrintImages() {}

    /**
     * Renders the images.
     *
     * @param n how many
     * @param width width
     * @param height height
     * @param seed words, sizes, places and colours
     * @return images with their word boxes
     */
    public static List<TextImage> render(int n, int width, int height, long seed) {
        Random rnd = new Random(seed);
        List<TextImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(one(width, height, rnd));
        }
        return out;
    }

    private static TextImage one(int width, int height, Random rnd) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        List<TextImage.Word> words = new ArrayList<>();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, light(rnd), width, height, light(rnd)));
            g.fillRect(0, 0, width, height);
            for (int b = 0; b < 10; b++) {
                g.setColor(new Color(120 + rnd.nextInt(136), 120 + rnd.nextInt(136), 120 + rnd.nextInt(136), 110));
                int r = (width + height) / 10 + rnd.nextInt((width + height) / 6);
                g.fillOval(rnd.nextInt(width) - r / 2, rnd.nextInt(height) - r / 2, r, r);
            }
            int lines = 3 + rnd.nextInt(4);
            List<Rectangle2D> taken = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                line(g, width, height, rnd, taken, words);
            }
        } finally {
            g.dispose();
        }
        return new TextImage(img, words);
    }

    /** One line of 1-3 words at a free place, dark on the light background. */
    private static void line(
            Graphics2D g, int width, int height, Random rnd, List<Rectangle2D> taken, List<TextImage.Word> words) {
        int px = 8 + rnd.nextInt(6); // font size 8-13: cap height about 6-9 px
        Font font = new Font(rnd.nextBoolean() ? Font.SANS_SERIF : Font.SERIF, rnd.nextBoolean() ? Font.BOLD : 0, px);
        FontRenderContext frc = g.getFontRenderContext();
        int count = 1 + rnd.nextInt(3);
        String[] ws = new String[count];
        for (int k = 0; k < count; k++) {
            ws[k] = WORDS[rnd.nextInt(WORDS.length)];
        }
        float space = (float) font.getStringBounds(" ", frc).getWidth() * 1.5f;
        float total = 0;
        for (String w : ws) {
            total += (float) font.createGlyphVector(frc, w).getLogicalBounds().getWidth() + space;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            float x = 10 + rnd.nextFloat() * Math.max(1, width - 20 - total);
            float y = 10 + px + rnd.nextFloat() * Math.max(1, height - 20 - 2 * px);
            Rectangle2D area = new Rectangle2D.Float(x - px, y - 2 * px, total + 2 * px, 4 * px);
            if (taken.stream().anyMatch(area::intersects)) {
                continue;
            }
            taken.add(area);
            int shade = rnd.nextInt(70);
            g.setColor(new Color(shade, shade, Math.min(255, shade + rnd.nextInt(50))));
            g.setFont(font);
            for (String w : ws) {
                GlyphVector gv = font.createGlyphVector(frc, w);
                g.drawGlyphVector(gv, x, y);
                Rectangle2D ink = gv.getVisualBounds();
                words.add(new TextImage.Word(
                        w,
                        new Box(
                                (float) (x + ink.getMinX()),
                                (float) (y + ink.getMinY()),
                                (float) (x + ink.getMaxX()),
                                (float) (y + ink.getMaxY()))));
                x += (float) gv.getLogicalBounds().getWidth() + space;
            }
            return;
        }
    }

    private static Color light(Random rnd) {
        return new Color(170 + rnd.nextInt(86), 170 + rnd.nextInt(86), 170 + rnd.nextInt(86));
    }
}
