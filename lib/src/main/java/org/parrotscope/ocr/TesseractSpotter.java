package org.parrotscope.ocr;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * The {@code tesseract} engine: Debian's libtesseract through tess4j's low-level C API (the high-level
 * API of tess4j 5.15+ fails on Debian 12, docs/STACK.md, Tesseract). Sparse-text segmentation (PSM 11), LSTM model,
 * 8-bit grey input built here (tess4j's own conversion garbles packed RGB). One handle per thread, each
 * initialised once (~60 ms) and reused; all deleted by {@link #close()}.
 *
 * <p>libtesseract's own OpenMP threads are limited to one per call ({@link TessLoader}): run one worker
 * thread per core instead (as {@link OcrRun} does by default).
 */
public final class TesseractSpotter implements TextSpotter {

    /** Engine name. */
    public static final String NAME = "tesseract";

    private static final int SOURCE_DPI = 70;

    private final TessHandles handles;
    private final TessAPI api;

    /**
     * Creates the engine; handles are made lazily per thread.
     *
     * @param options {@link OcrOptions#tessdata()} (null: found automatically) and {@link OcrOptions#tessLanguage()}
     */
    public TesseractSpotter(OcrOptions options) {
        this.handles = new TessHandles(options, ITessAPI.TessPageSegMode.PSM_SPARSE_TEXT);
        this.api = handles.api();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SpottedWord> spot(BufferedImage image) throws OcrException {
        int w = image.getWidth();
        int hgt = image.getHeight();
        TessBaseAPI h = handles.get();
        ByteBuffer grey = ByteBuffer.allocateDirect(w * hgt);
        grey.put(Pixels.grey(image)).flip();
        try {
            api.TessBaseAPISetImage(h, grey, w, hgt, 1, w);
            api.TessBaseAPISetSourceResolution(h, SOURCE_DPI);
            if (api.TessBaseAPIRecognize(h, null) != 0) {
                throw new OcrException("tesseract failed to recognise a " + w + "x" + hgt + " image");
            }
            return readWords(h);
        } finally {
            api.TessBaseAPIClear(h);
        }
    }

    private List<SpottedWord> readWords(TessBaseAPI h) {
        List<SpottedWord> words = new ArrayList<>();
        TessResultIterator ri = api.TessBaseAPIGetIterator(h);
        if (ri == null) {
            return words;
        }
        try {
            TessPageIterator pi = api.TessResultIteratorGetPageIterator(ri);
            int level = ITessAPI.TessPageIteratorLevel.RIL_WORD;
            IntBuffer l = IntBuffer.allocate(1),
                    t = IntBuffer.allocate(1),
                    r = IntBuffer.allocate(1),
                    b = IntBuffer.allocate(1);
            do {
                Pointer p = api.TessResultIteratorGetUTF8Text(ri, level);
                if (p == null) {
                    continue;
                }
                String text = p.getString(0, "UTF-8").strip();
                api.TessDeleteText(p);
                if (text.isEmpty()) {
                    continue; // PSM 11 reports blank "words" over textured regions (docs/STACK.md, Tesseract)
                }
                float conf = Math.max(0f, Math.min(1f, api.TessResultIteratorConfidence(ri, level) / 100f));
                l.clear();
                t.clear();
                r.clear();
                b.clear();
                api.TessPageIteratorBoundingBox(pi, level, l, t, r, b);
                Box box = new Box(l.get(0), t.get(0), Math.max(l.get(0), r.get(0)), Math.max(t.get(0), b.get(0)));
                words.add(SpottedWord.ofBox(text, conf, box));
            } while (api.TessPageIteratorNext(pi, level) == ITessAPI.TRUE);
        } finally {
            api.TessResultIteratorDelete(ri);
        }
        return words;
    }

    /** Ends and deletes every thread's handle. */
    @Override
    public void close() {
        handles.close();
    }
}
