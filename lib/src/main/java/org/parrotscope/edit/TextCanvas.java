package org.parrotscope.edit;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a string centred on a blank square canvas, as the paper's {@code sys_benchmark.py} does (224 px,
 * Arial 32, centred with the text's width and height). Canvas and font scale with the model's input: size
 * {@code 32 * S / 224} at side S. The font is Liberation Sans Regular (Debian {@code fonts-liberation}),
 * metric-compatible with Arial; Java's glyph metrics differ slightly from PIL's legacy {@code textsize}, so
 * pixels are close to, not identical with, the released images. Long strings are clipped, not wrapped.
 */
public final class TextCanvas {

    /** Liberation Sans Regular, the Arial-compatible font of Debian's fonts-liberation. */
    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf");

    private final Font base;

    /**
     * A canvas renderer with a TrueType font.
     *
     * @param fontFile the font file
     * @throws IOException naming the file when it is missing or not a TrueType font
     */
    public TextCanvas(Path fontFile) throws IOException {
        if (!Files.isRegularFile(fontFile)) {
            throw new IOException(
                    "font file not found: " + fontFile + " (install the Debian package fonts-liberation)");
        }
        try {
            this.base = Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile());
        } catch (FontFormatException e) {
            throw new IOException(fontFile + ": not a TrueType font: " + e.getMessage(), e);
        }
    }

    /**
     * The paper's font size scaled to a canvas side.
     *
     * @param side the canvas side in pixels
     * @return {@code 32 * side / 224}, at least 1
     */
    public static float fontSize(int side) {
        return Math.max(1f, 32f * side / 224f);
    }

    /**
     * Renders text centred on a canvas.
     *
     * @param text the string
     * @param style background and text colours
     * @param side canvas side in pixels
     * @return a TYPE_INT_RGB image
     */
    public BufferedImage render(String text, SyncStyle style, int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(style.background());
        g.fillRect(0, 0, side, side);
        drawCentred(g, text, base.deriveFont(fontSize(side)), style.text(), side / 2f, side / 2f);
        g.dispose();
        return img;
    }

    /**
     * Draws text centred on a point: the box of the string's advance width and ascent + descent is centred,
     * as PIL's {@code draw.text((cx - w/2, cy - h/2))} with {@code textsize}.
     *
     * @param g the graphics
     * @param text the text
     * @param font the sized font
     * @param colour the text colour
     * @param cx centre x
     * @param cy centre y
     */
    public static void drawCentred(Graphics2D g, String text, Font font, java.awt.Color colour, float cx, float cy) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.setColor(colour);
        FontMetrics fm = g.getFontMetrics();
        float w = fm.stringWidth(text);
        float h = fm.getAscent() + fm.getDescent();
        g.drawString(text, cx - w / 2, cy - h / 2 + fm.getAscent());
    }

    /**
     * The font at a size, for other renderers (the typographic probe).
     *
     * @param size the point size
     * @return the derived font
     */
    public Font font(float size) {
        return base.deriveFont(size);
    }
}
