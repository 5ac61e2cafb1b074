package org.parrotscope.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import net.sourceforge.tess4j.TessAPI;

/**
 * Loads libtesseract with single-threaded OpenMP. Debian's libtesseract parallelises inside each call with
 * OpenMP; with {@code OMP_THREAD_LIMIT} at the core count, one calling thread on a busy machine ran 100x
 * slower (0.4 vs 43 images/s measured by {@code bench ocr}), because OpenMP teams spin against other
 * processes (docs/STACK.md, Tesseract: use {@code OMP_THREAD_LIMIT=1} and one worker per core). libgomp reads
 * {@code OMP_*} variables once, when it is loaded; so the limit is set to 1 in the process environment
 * just while libtesseract (and with it the system libgomp) loads, then restored, and libraries loaded
 * later (PyTorch's bundled libgomp) see the original value. Parallelism comes from the engine's worker
 * threads instead. System property {@code parrotscope.tesseract.ompThreads} changes the limit (0: leave
 * the environment alone). Without effect if an OpenMP runtime was already loaded: in particular DJL's
 * PyTorch engine (CLIP) loads its own libgomp, so in a JVM that ran PyTorch first, set
 * {@code OMP_THREAD_LIMIT} yourself ({@link OnnxModel} keeps DJL's ONNX Runtime engine from loading PyTorch).
 */
final class TessLoader {

    /** The minimal libc interface. */
    interface LibC extends Library {
        String getenv(String name);

        int setenv(String name, String value, int overwrite);

        int unsetenv(String name);
    }

    /** Leptonica's message switch. */
    interface Lept extends Library {
        int setMsgSeverity(int severity);
    }

    /** Leptonica's {@code L_SEVERITY_NONE}. */
    private static final int SEVERITY_NONE = 6;

    private static volatile TessAPI api;

    private TessLoader() {}

    /** @return the loaded API */
    static TessAPI api() {
        TessAPI a = api;
        if (a == null) {
            synchronized (TessLoader.class) {
                if (api == null) {
                    TessAPI loaded = load();
                    silenceLeptonica();
                    api = loaded;
                }
                a = api;
            }
        }
        return a;
    }

    /**
     * Tesseract's sparse-text mode calls Leptonica with empty boxes on some images, and Leptonica prints
     * "Error in boxClipToRectangle: box outside rectangle" for each; the results are unaffected (Tesseract
     * reports real failures through return codes), so its messages are switched off.
     */
    private static void silenceLeptonica() {
        try {
            Native.load("liblept.so.5", Lept.class).setMsgSeverity(SEVERITY_NONE);
        } catch (UnsatisfiedLinkError e) {
            // another Leptonica build: keep its messages
        }
    }

    private static TessAPI load() {
        int limit = Integer.getInteger("parrotscope.tesseract.ompThreads", 1);
        if (limit <= 0) {
            return TessAPI.INSTANCE;
        }
        LibC libc;
        try {
            libc = Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError e) {
            return TessAPI.INSTANCE; // not glibc: keep the environment as it is
        }
        String old = libc.getenv("OMP_THREAD_LIMIT");
        libc.setenv("OMP_THREAD_LIMIT", Integer.toString(limit), 1);
        try {
            return TessAPI.INSTANCE; // loads libtesseract and libgomp, which reads the variable now
        } finally {
            if (old == null) {
                libc.unsetenv("OMP_THREAD_LIMIT");
            } else {
                libc.setenv("OMP_THREAD_LIMIT", old, 1);
            }
        }
    }
}
