package org.parrotscope.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds Tesseract's {@code tessdata} folder (trained models) without configuration. */
public final class Tessdata {

    /** Debian/Ubuntu and other distributions' folders, tried in order after {@code TESSDATA_PREFIX}. */
    static final List<Path> SYSTEM_DIRS = List.of(
            Path.of("/usr/share/tesseract-ocr/5/tessdata"),
            Path.of("/usr/share/tesseract-ocr/4.00/tessdata"),
            Path.of("/usr/share/tessdata"));

    private Tessdata() {}

    /**
     * Locates the folder holding {@code eng.traineddata}.
     *
     * @return the folder
     * @throws IllegalStateException naming every folder tried when none holds the model
     */
    public static Path locate() {
        return locate("eng");
    }

    /**
     * Locates the folder holding {@code <language>.traineddata}: {@code TESSDATA_PREFIX} (the folder itself or
     * its {@code tessdata/} child), then {@link #SYSTEM_DIRS}.
     *
     * @param language the first language code, e.g. {@code eng}
     * @return the folder
     * @throws IllegalStateException naming every folder tried when none holds the model
     */
    public static Path locate(String language) {
        String first = language.split("\\+")[0];
        List<Path> tried = new ArrayList<>();
        String prefix = System.getenv("TESSDATA_PREFIX");
        if (prefix != null && !prefix.isBlank()) {
            tried.add(Path.of(prefix));
            tried.add(Path.of(prefix, "tessdata"));
        }
        tried.addAll(SYSTEM_DIRS);
        for (Path dir : tried) {
            if (Files.isRegularFile(dir.resolve(first + ".traineddata"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Tesseract model " + first + ".traineddata found in " + tried
                + "; install it (apt-get install tesseract-ocr tesseract-ocr-" + first + ") or set TESSDATA_PREFIX");
    }
}
