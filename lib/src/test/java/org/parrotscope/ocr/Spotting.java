package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Assertions and image conversions shared by the engine tests. */
final class Spotting {

    private Spotting() {}

    /**
     * Asserts that every drawn word was spotted with the same text (ignoring case) and a box covering at
     * least half of the drawn ink box.
     */
    static void assertFound(TextImage expected, List<SpottedWord> got) {
        for (TextImage.Word w : expected.words()) {
            boolean hit = got.stream()
                    .anyMatch(s -> s.text().equalsIgnoreCase(w.text())
                            && s.box().intersectionArea(w.box())
                                    >= 0.5 * w.box().area());
            assertTrue(hit, "'" + w.text() + "' at " + w.box() + " not found in " + describe(got));
        }
    }

    /** Asserts that one engine spotting the same image on two threads at once gives identical words. */
    static void assertSameOnTwoThreads(TextSpotter engine, BufferedImage image) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<SpottedWord>> a = pool.submit(() -> engine.spot(image));
            Future<List<SpottedWord>> b = pool.submit(() -> engine.spot(image));
            assertEquals(a.get(), b.get());
        } finally {
            pool.shutdown();
        }
    }

    static String describe(List<SpottedWord> got) {
        return got.stream().map(s -> s.text() + "@" + s.box()).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Copies an image into another type (grey, ARGB, ...). */
    static BufferedImage as(BufferedImage src, int type) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Black text drawn on a fully transparent background (its RGB is black too). */
    static BufferedImage transparentWithText(TextImage plain) {
        BufferedImage src = plain.image();
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int rgb = src.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                int alpha = Math.max(0, Math.min(255, (200 - lum) * 2)); // dark ink opaque, light paper transparent
                out.setRGB(x, y, alpha << 24);
            }
        }
        return out;
    }
}
