package org.parrotscope.ocr;

import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * One initialised Tesseract handle per calling thread (init loads the model, ~60 ms, so each handle is made
 * once and reused; docs/STACK.md, Tesseract), LSTM model, a fixed page segmentation mode, debug output silenced. All
 * handles are ended and deleted by {@link #close()}.
 */
final class TessHandles implements AutoCloseable {

    private final TessAPI api = TessLoader.api();
    private final Path datapath;
    private final String language;
    private final int pageSegMode;
    private final Queue<TessBaseAPI> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<TessBaseAPI> handles = new ThreadLocal<>();
    private volatile boolean closed;

    /**
     * Creates the pool and this thread's handle, so a missing model fails here rather than on a worker.
     *
     * @param options {@link OcrOptions#tessdata()} (null: found automatically) and {@link OcrOptions#tessLanguage()}
     * @param pageSegMode a {@link ITessAPI.TessPageSegMode} value
     * @throws IllegalStateException when the language model cannot be loaded
     */
    TessHandles(OcrOptions options, int pageSegMode) {
        this.language = options.tessLanguage();
        this.datapath = options.tessdata() != null ? options.tessdata() : Tessdata.locate(language);
        this.pageSegMode = pageSegMode;
        get();
    }

    /** @return the C API */
    TessAPI api() {
        return api;
    }

    /** @return the calling thread's handle, created on first use */
    TessBaseAPI get() {
        if (closed) {
            throw new IllegalStateException("tesseract engine is closed");
        }
        TessBaseAPI h = handles.get();
        if (h == null) {
            h = api.TessBaseAPICreate();
            if (api.TessBaseAPIInit2(h, datapath.toString(), language, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
                api.TessBaseAPIDelete(h);
                throw new IllegalStateException(
                        "Tesseract could not load language '" + language + "' from " + datapath);
            }
            api.TessBaseAPISetPageSegMode(h, pageSegMode);
            api.TessBaseAPISetVariable(h, "debug_file", "/dev/null"); // silences "Estimating resolution..."
            handles.set(h);
            all.add(h);
        }
        return h;
    }

    /** Ends and deletes every thread's handle. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        TessBaseAPI h;
        while ((h = all.poll()) != null) {
            api.TessBaseAPIEnd(h);
            api.TessBaseAPIDelete(h);
        }
        handles.remove();
    }
}
