package org.parrotscope.ocr;

/** Loads OpenCV's native library (bundled in org.openpnp:opencv) once per JVM. */
public final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {}

    /** Loads the library if not yet loaded. */
    public static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
