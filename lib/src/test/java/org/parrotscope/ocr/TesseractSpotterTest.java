package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TesseractSpotterTest {

    private static TextSpotter engine;

    @BeforeAll
    static void open() {
        engine = TextSpotters.create("tesseract", OcrOptions.defaults());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static TextImage words(TextImage.Background bg) {
        return TextImage.render(640, 480, bg, 7, "PARROT", "captions", "teach", "CLIP");
    }

    @Test
    void spot_plainBackground_findsWordsAtDrawnBoxes() throws Exception {
        TextImage t = words(TextImage.Background.PLAIN);
        List<SpottedWord> got = engine.spot(t.image());
        Spotting.assertFound(t, got);
        for (SpottedWord w : got) {
            assertEquals(w.box().toQuad(), w.polygon());
            assertTrue(w.confidence() > 0.5f, w.toString());
        }
    }

    @Test
    void spot_gradientBackground_findsWords() throws Exception {
        TextImage t = words(TextImage.Background.GRADIENT);
        Spotting.assertFound(t, engine.spot(t.image()));
    }

    @Test
    void spot_greyAndTransparentImages_findWords() throws Exception {
        TextImage t = words(TextImage.Background.PLAIN);
        Spotting.assertFound(t, engine.spot(Spotting.as(t.image(), BufferedImage.TYPE_BYTE_GRAY)));
        Spotting.assertFound(t, engine.spot(Spotting.transparentWithText(t)));
    }

    @Test
    void spot_onePixelImage_returnsNoWords() throws Exception {
        assertEquals(List.of(), engine.spot(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)));
    }

    @Test
    void spot_twoThreads_giveTheSameWords() throws Exception {
        TextImage t = words(TextImage.Background.GRADIENT);
        Spotting.assertSameOnTwoThreads(engine, t.image());
    }

    @Test
    void create_missingLanguageData_failsNamingTheFolder(@TempDir Path empty) {
        OcrOptions o = OcrOptions.builder().optTessdata(empty).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TesseractSpotter(o).close());
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    }

    @Test
    void spot_afterClose_fails() {
        TextSpotter t = TextSpotters.create("tesseract", OcrOptions.defaults());
        t.close();
        assertThrows(IllegalStateException.class, () -> t.spot(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)));
    }

    @Test
    void load_restoresTheProcessOmpThreadLimitAfterLoadingTesseract() {
        TessLoader.api();
        TessLoader.LibC libc = com.sun.jna.Native.load("c", TessLoader.LibC.class);
        // the JVM's environment snapshot was taken at start-up, before the temporary change
        assertEquals(System.getenv("OMP_THREAD_LIMIT"), libc.getenv("OMP_THREAD_LIMIT"));
    }
}
