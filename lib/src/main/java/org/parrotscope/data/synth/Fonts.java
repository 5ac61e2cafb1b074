package org.parrotscope.data.synth;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real font files mini-LAION renders text with. Logical fonts ({@code "SansSerif"}) map to whatever the
 * machine has, which would break byte-identical output, so the generator loads fixed TrueType files from the
 * Debian packages {@code fonts-dejavu-core} and {@code fonts-liberation} (installed by
 * {@code environment/bootstrap}).
 */
final class Fonts {

    private static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/";
    private static final String LIBERATION = "/usr/share/fonts/truetype/liberation/";

    /** File name, Debian package: bold and regular faces of sans, serif, mono and narrow designs. */
    private static final String[][] FILES = {
        {DEJAVU + "DejaVuSans.ttf", "fonts-dejavu-core"},
        {DEJAVU + "DejaVuSans-Bold.ttf", "fonts-dejavu-core"},
        {DEJAVU + "DejaVuSansMono-Bold.ttf", "fonts-dejavu-core"},
        {DEJAVU + "DejaVuSerif.ttf", "fonts-dejavu-core"},
        {DEJAVU + "DejaVuSerif-Bold.ttf", "fonts-dejavu-core"},
        {LIBERATION + "LiberationSans-Regular.ttf", "fonts-liberation"},
        {LIBERATION + "LiberationSans-Bold.ttf", "fonts-liberation"},
        {LIBERATION + "LiberationSans-BoldItalic.ttf", "fonts-liberation"},
        {LIBERATION + "LiberationSerif-Regular.ttf", "fonts-liberation"},
        {LIBERATION + "LiberationSerif-Bold.ttf", "fonts-liberation"},
        {LIBERATION + "LiberationMono-Bold.ttf", "fonts-liberation"},
        {LIBERATION + "LiberationSansNarrow-Bold.ttf", "fonts-liberation"},
    };

    private static volatile List<Font> loaded;

    private Fonts() {}

    /**
     * @return the fonts at size 1, in a fixed order
     * @throws IllegalStateException naming the missing file and the Debian package that provides it
     */
    static List<Font> all() {
        List<Font> f = loaded;
        if (f == null) {
            synchronized (Fonts.class) {
                if (loaded == null) {
                    loaded = load(FILES);
                }
                f = loaded;
            }
        }
        return f;
    }

    /**
     * Loads font files.
     *
     * @param files pairs of file path and Debian package
     * @return the fonts at size 1
     * @throws IllegalStateException naming the first missing file and its package
     */
    static List<Font> load(String[][] files) {
        List<Font> fonts = new ArrayList<>();
        for (String[] e : files) {
            Path p = Path.of(e[0]);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("mini-LAION needs the font file " + p + " from the Debian package "
                        + e[1] + " (install it with: apt-get install " + e[1] + ", or run environment/bootstrap)");
            }
            try {
                fonts.add(Font.createFont(Font.TRUETYPE_FONT, p.toFile()));
            } catch (FontFormatException | IOException ex) {
                throw new IllegalStateException(
                        "cannot load font " + p + " (package " + e[1] + "): " + ex.getMessage(), ex);
            }
        }
        return List.copyOf(fonts);
    }
}
