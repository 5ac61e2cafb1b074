package org.parrotscope.edit;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.SpottedWord;

/** Synthetic test images: words drawn with the project's one renderer on a flat background. */
final class EditImages {

    static final Color BACKGROUND = new Color(128, 128, 128);

    private EditImages() {}

    /** A flat grey canvas. */
    static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /**
     * Draws a word centred on a point in white, and returns it as a spotted word whose box is the bounding box of
     * the pixels that changed (the ground truth of the ink, found independently of the renderer's metrics).
     */
    static SpottedWord draw(BufferedImage img, String text, float size, float cx, float cy) throws IOException {
        BufferedImage before = copy(img);
        Font font = new TextCanvas(TextCanvas.DEFAULT_FONT).font(size);
        Graphics2D g = img.createGraphics();
        TextCanvas.drawCentred(g, text, font, Color.WHITE, cx, cy);
        g.dispose();
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) != before.getRGB(x, y)) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            throw new IllegalStateException("nothing drawn for " + text);
        }
        return SpottedWord.ofBox(text, 0.9f, new Box(x0, y0, x1 + 1, y1 + 1));
    }

    static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        c.setRGB(
                0,
                0,
                img.getWidth(),
                img.getHeight(),
                img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()),
                0,
                img.getWidth());
        return c;
    }

    /** The largest per-channel distance from the background colour inside a box. */
    static int maxDistanceFromBackground(BufferedImage img, Box b) {
        int worst = 0;
        for (int y = (int) b.y0(); y < (int) b.y1(); y++) {
            for (int x = (int) b.x0(); x < (int) b.x1(); x++) {
                int p = img.getRGB(x, y);
                worst = Math.max(worst, Math.abs(((p >> 16) & 0xff) - 128));
                worst = Math.max(worst, Math.abs(((p >> 8) & 0xff) - 128));
                worst = Math.max(worst, Math.abs((p & 0xff) - 128));
            }
        }
        return worst;
    }

    /** Whether two images are equal inside a box. */
    static boolean sameInside(BufferedImage a, BufferedImage b, Box box) {
        for (int y = (int) box.y0(); y < (int) box.y1(); y++) {
            for (int x = (int) box.x0(); x < (int) box.x1(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
