package org.parrotscope.ocr;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Reads one rectified text-line crop with Tesseract's LSTM as a single line (PSM 7), keeping spaces and case,
 * with each word's extent along the line from Tesseract's word boxes. The crop is converted to grey, made
 * dark-on-light (Tesseract's LSTM was trained on dark text; light-on-dark crops are inverted, polarity by
 * {@link InkGaps#otsu} and the crop border, which DB's unclip margin leaves as background), scaled to
 * {@link #HEIGHT} pixels high (a probe on web images found Tesseract restored the word spaces PP-OCR drops on
 * crops about 64 px high, docs/STACK.md, Tesseract) and padded with a replicated border. Thread-safe: one handle
 * per thread.
 */
final class TessLineReader implements AutoCloseable {

    /** Line height Tesseract reads, in pixels. */
    static final int HEIGHT = 64;

    /** Border added on each side, in pixels. */
    static final int PAD = 8;

    /** Resolution reported to Tesseract: a 64 px line is then about 15 pt, ordinary print. */
    private static final int DPI = 300;

    private final TessHandles handles;
    private final TessAPI api;

    /**
     * @param options the Tesseract model options
     * @param pageSegMode {@link ITessAPI.TessPageSegMode#PSM_SINGLE_LINE} or {@code PSM_RAW_LINE}
     */
    TessLineReader(OcrOptions options, int pageSegMode) {
        this.handles = new TessHandles(options, pageSegMode);
        this.api = handles.api();
    }

    /**
     * @param crop the BGR line crop, reading left to right
     * @return the words read, left to right
     */
    List<LineWord> read(Mat crop) {
        int w = Math.max(1, (int) Math.round((double) crop.cols() * HEIGHT / crop.rows()));
        Mat grey = new Mat();
        Imgproc.cvtColor(crop, grey, Imgproc.COLOR_BGR2GRAY);
        Mat scaled = new Mat();
        Imgproc.resize(
                grey, scaled, new Size(w, HEIGHT), 0, 0, w > crop.cols() ? Imgproc.INTER_CUBIC : Imgproc.INTER_AREA);
        grey.release();
        Mat padded = new Mat();
        Core.copyMakeBorder(scaled, padded, PAD, PAD, PAD, PAD, Core.BORDER_REPLICATE);
        scaled.release();
        int pw = padded.cols();
        int ph = padded.rows();
        byte[] px = new byte[pw * ph];
        padded.get(0, 0, px);
        padded.release();
        if (!darkInk(px, pw, ph)) {
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) (255 - (px[i] & 0xff));
            }
        }
        TessBaseAPI h = handles.get();
        ByteBuffer buf = ByteBuffer.allocateDirect(px.length);
        buf.put(px).flip();
        try {
            api.TessBaseAPISetImage(h, buf, pw, ph, 1, pw);
            api.TessBaseAPISetSourceResolution(h, DPI);
            if (api.TessBaseAPIRecognize(h, null) != 0) {
                return List.of();
            }
            return words(h, w);
        } finally {
            api.TessBaseAPIClear(h);
        }
    }

    /** True when the ink is darker than the background: the border rows are mostly on Otsu's light side. */
    static boolean darkInk(byte[] px, int w, int h) {
        int t = InkGaps.otsu(px);
        int dark = 0;
        for (int x = 0; x < w; x++) {
            dark += (px[x] & 0xff) <= t ? 1 : 0;
            dark += (px[(h - 1) * w + x] & 0xff) <= t ? 1 : 0;
        }
        return dark < w; // fewer than half of the border pixels are dark
    }

    private List<LineWord> words(TessBaseAPI h, int textWidth) {
        List<LineWord> out = new ArrayList<>();
        TessResultIterator ri = api.TessBaseAPIGetIterator(h);
        if (ri == null) {
            return out;
        }
        try {
            TessPageIterator pi = api.TessResultIteratorGetPageIterator(ri);
            int level = ITessAPI.TessPageIteratorLevel.RIL_WORD;
            IntBuffer l = IntBuffer.allocate(1), t = IntBuffer.allocate(1);
            IntBuffer r = IntBuffer.allocate(1), b = IntBuffer.allocate(1);
            do {
                Pointer p = api.TessResultIteratorGetUTF8Text(ri, level);
                if (p == null) {
                    continue;
                }
                String text = p.getString(0, "UTF-8").strip();
                api.TessDeleteText(p);
                if (text.isEmpty()) {
                    continue;
                }
                float conf = Math.max(0f, Math.min(1f, api.TessResultIteratorConfidence(ri, level) / 100f));
                l.clear();
                t.clear();
                r.clear();
                b.clear();
                api.TessPageIteratorBoundingBox(pi, level, l, t, r, b);
                double lo = clamp((double) (l.get(0) - PAD) / textWidth);
                double hi = Math.max(lo, clamp((double) (r.get(0) - PAD) / textWidth));
                out.add(new LineWord(text, conf, lo, hi));
            } while (api.TessPageIteratorNext(pi, level) == ITessAPI.TRUE);
        } finally {
            api.TessResultIteratorDelete(ri);
        }
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Override
    public void close() {
        handles.close();
    }
}
