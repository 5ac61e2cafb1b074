package org.parrotscope.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.List;
import org.junit.jupiter.api.Test;

class FontsTest {

    @Test
    void all_loadsTwelveRealFontFilesNotLogicalFonts() {
        List<Font> fonts = Fonts.all();
        assertEquals(12, fonts.size());
        for (Font f : fonts) {
            assertTrue(
                    f.getFontName().startsWith("DejaVu") || f.getFontName().startsWith("Liberation"), f.getFontName());
        }
    }

    @Test
    void missingFile_failsNamingTheFileAndTheDebianPackage() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Fonts.load(new String[][] {{"/nonexistent/fonts/Nope.ttf", "fonts-nope"}}));
        assertTrue(e.getMessage().contains("/nonexistent/fonts/Nope.ttf"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install fonts-nope"), e.getMessage());
    }
}
