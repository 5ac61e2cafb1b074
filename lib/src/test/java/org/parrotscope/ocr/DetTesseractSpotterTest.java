package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DetTesseractSpotterTest {

    private static TextSpotter engine;

    @BeforeAll
    static void open() {
        assumeTrue(PpOcrModels.present(), "PP-OCR models not installed (run environment/bootstrap)");
        engine = TextSpotters.create(DetTesseractSpotter.NAME, OcrOptions.defaults());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static List<String> texts(List<SpottedWord> ws) {
        return ws.stream().map(SpottedWord::text).toList();
    }

    @Test
    void name_isListedAndCreatable() {
        assertTrue(TextSpotters.NAMES.contains("ppocr-det+tesseract"));
        assertEquals("ppocr-det+tesseract", engine.name());
    }

    @Test
    void spot_renderedWords_foundWithCaseAtTheirBoxes() throws Exception {
        TextImage t = TextImage.render(640, 480, TextImage.Background.PLAIN, 7, "PARROT", "captions", "teach", "CLIP");
        List<SpottedWord> got = engine.spot(t.image());
        Spotting.assertFound(t, got);
        for (TextImage.Word w : t.words()) {
            assertTrue(texts(got).contains(w.text()), "case lost for " + w.text() + ": " + Spotting.describe(got));
        }
        TextImage b = TextImage.render(256, 256, TextImage.Background.BLOBS, 5, "fresh", "COFFEE");
        Spotting.assertFound(b, engine.spot(b.image()));
    }

    /** Two words with a narrow space (0.2 em, under the ink-gap rule's 0.3 ink heights): kept apart. */
    @Test
    void spot_narrowWordSpace_keepsTheWordsApart() throws Exception {
        BufferedImage img = canvas(480, 160);
        Graphics2D g = graphics(img);
        Font f = new Font(Font.SANS_SERIF, Font.PLAIN, 44);
        g.setFont(f);
        int x = 40;
        g.drawString("Gavin", x, 95);
        x += g.getFontMetrics().stringWidth("Gavin") + (int) (0.2 * 44);
        g.drawString("Stone", x, 95);
        g.dispose();
        List<SpottedWord> got = engine.spot(img);
        assertEquals(List.of("Gavin", "Stone"), texts(got), Spotting.describe(got));
        assertTrue(got.get(0).box().x1() <= got.get(1).box().x0() + 1, Spotting.describe(got));
    }

    /** A heading tracked by half an em, words 1.6 em apart: read as two words, not letters. */
    @Test
    void spot_letterSpacedHeading_joinsTheLetters() throws Exception {
        BufferedImage img = canvas(900, 160);
        Graphics2D g = graphics(img);
        Font f = new Font(Font.SANS_SERIF, Font.BOLD, 36).deriveFont(Map.of(TextAttribute.TRACKING, 0.5f));
        g.setFont(f);
        int x = 30;
        g.drawString("DEPARTMENT", x, 95);
        x += g.getFontMetrics().stringWidth("DEPARTMENT") + (int) (1.6 * 36);
        g.drawString("OF", x, 95);
        g.dispose();
        List<SpottedWord> got = engine.spot(img);
        assertEquals(List.of("DEPARTMENT", "OF"), texts(got), Spotting.describe(got));
    }

    @Test
    void spot_twoThreads_sameWords() throws Exception {
        TextImage t = TextImage.render(320, 240, TextImage.Background.GRADIENT, 11, "WORD", "test");
        Spotting.assertSameOnTwoThreads(engine, t.image());
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(245, 240, 230));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(20, 20, 60));
        return g;
    }
}
