package org.parrotscope.data;

import java.util.Locale;
import java.util.Set;

/**
 * WebDataset naming: a file {@code dir/000000123.jpg} belongs to the sample with key
 * {@code dir/000000123} (the path up to the first dot of the file name) and has extension {@code jpg}.
 */
final class SampleNames {

    /** Image extensions a sample's image may have (lower case). */
    static final Set<String> IMAGE_EXTS = Set.of("jpg", "jpeg", "png", "webp", "bmp", "gif", "tif", "tiff");

    private SampleNames() {}

    /** @return the key of a stored path; a leading {@code ./} is ignored */
    static String key(String path) {
        String p = strip(path);
        int slash = p.lastIndexOf('/');
        int dot = p.indexOf('.', slash + 1);
        return dot < 0 ? p : p.substring(0, dot);
    }

    /** @return the lower-case extension after the first dot of the file name, or {@code ""} */
    static String ext(String path) {
        String p = strip(path);
        int slash = p.lastIndexOf('/');
        int dot = p.indexOf('.', slash + 1);
        return dot < 0 ? "" : p.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
