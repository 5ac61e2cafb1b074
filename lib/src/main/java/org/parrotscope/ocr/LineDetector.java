package org.parrotscope.ocr;

import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * PP-OCRv4 text-line detection (PaddleOCR {@code predict_det.py}): BGR input normalised with ImageNet
 * mean/std, resized to a multiple of 32 ({@link DetResize}), DB probability map post-processed into line
 * quads ({@link DbPostProcess}) in reading order ({@link ReadingOrder}); and the rectified line crops the
 * recognisers read ({@link #crop}). Shared by {@link PpOcrSpotter} and {@link DetTesseractSpotter}.
 * Thread-safe: one ONNX Runtime predictor per thread.
 */
final class LineDetector implements AutoCloseable {

    /** ImageNet mean and std, applied to the B, G, R channels in this order, as PaddleOCR does on cv2 images. */
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};

    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    /** {@link OcrOptions#detCrop()}: padding around the probe's text pixels, as a fraction of the longer side. */
    static final double CROP_PAD = 0.08;

    /** {@link OcrOptions#detCrop()}: a padded region larger than this fraction of the image is not cropped. */
    static final double CROP_MAX_AREA = 0.8;

    private final OcrOptions options;
    private final DbPostProcess db;
    private final OnnxModel det;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    /**
     * @param model the DB detection model file
     * @param options detection options (max side, upscaling, thresholds, unclip ratio, threads)
     * @throws IOException when the model cannot be loaded
     */
    LineDetector(Path model, OcrOptions options) throws IOException {
        this.options = options;
        OpenCv.load();
        this.db = new DbPostProcess(options.detThreshold(), options.boxThreshold(), options.unclipRatio());
        this.det = new OnnxModel(model, options.intraOpThreads());
    }

    /**
     * Detects text lines. An image smaller than {@link OcrOptions#detUpscaleTo()} is enlarged before detection
     * (small print needs the pixels); with {@link OcrOptions#detProbe()} it is first probed at its own size, and
     * when no pixel of that probability map reaches the text threshold it has no lines and the enlarged pass,
     * which costs most of the engine's time, is skipped.
     *
     * @param src the BGR image
     * @return line quads in image pixels (8 coordinates clockwise from the top-left), in reading order
     * @throws TranslateException when ONNX Runtime fails
     */
    List<float[]> detect(Mat src) throws TranslateException {
        int longer = Math.max(src.rows(), src.cols());
        int upscaleTo = options.detUpscaleTo();
        if (options.detProbe() && upscaleTo > longer) {
            Pass probe = pass(src, DetResize.size(src.rows(), src.cols(), options.detMaxSide(), 0));
            if (probe.quiet()) {
                return List.of();
            }
            if (options.detLineHeight() > 0 && !probe.quads().isEmpty()) {
                // enlarge only as far as the smallest probed line needs to reach detLineHeight pixels
                double minHeight = probe.quads().stream()
                        .mapToDouble(LineDetector::height)
                        .min()
                        .orElseThrow();
                double scale = options.detLineHeight() / Math.max(1.0, minHeight);
                if (scale <= 1.0) {
                    return ReadingOrder.sort(probe.quads());
                }
                upscaleTo = (int) Math.min(upscaleTo, Math.ceil(longer * scale));
            }
            if (options.detCrop()) {
                Rect r = cropRegion(probe.region(), src.rows(), src.cols());
                if (r != null) {
                    return ReadingOrder.sort(enlargedRegion(src, r, (double) upscaleTo / longer));
                }
            }
        }
        return ReadingOrder.sort(pass(src, DetResize.size(src.rows(), src.cols(), options.detMaxSide(), upscaleTo))
                .quads());
    }

    /**
     * The part of the image to enlarge: the probe's text pixels' bounding rectangle padded by {@link #CROP_PAD} of
     * the longer side, or null when that is more than {@link #CROP_MAX_AREA} of the image (no saving worth a seam).
     *
     * @param region {x0, y0, x1, y1} of the probe's text pixels in image pixels (exclusive ends)
     */
    static Rect cropRegion(int[] region, int rows, int cols) {
        int pad = (int) Math.ceil(CROP_PAD * Math.max(rows, cols));
        int x0 = Math.max(0, region[0] - pad);
        int y0 = Math.max(0, region[1] - pad);
        int x1 = Math.min(cols, region[2] + pad);
        int y1 = Math.min(rows, region[3] + pad);
        if ((double) (x1 - x0) * (y1 - y0) > CROP_MAX_AREA * rows * cols) {
            return null;
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** Detects in one part of the image enlarged by {@code ratio}; quads in whole-image pixels. */
    private List<float[]> enlargedRegion(Mat src, Rect r, double ratio) throws TranslateException {
        Mat part = src.submat(r);
        try {
            int[] size = DetResize.scaled(r.height, r.width, ratio);
            List<float[]> quads = pass(part, size).quads();
            for (float[] q : quads) {
                for (int i = 0; i < 4; i++) {
                    q[2 * i] += r.x;
                    q[2 * i + 1] += r.y;
                }
            }
            return quads;
        } finally {
            part.release();
        }
    }

    /** The shorter pair of opposite sides' length of a quad, in its pixels. */
    private static double height(float[] q) {
        double w = Math.max(Math.hypot(q[0] - q[2], q[1] - q[3]), Math.hypot(q[4] - q[6], q[5] - q[7]));
        double h = Math.max(Math.hypot(q[0] - q[6], q[1] - q[7]), Math.hypot(q[2] - q[4], q[3] - q[5]));
        return Math.min(w, h);
    }

    /**
     * One detection: the image resized ({@link DetResize}), normalised into this thread's input buffer, run, and
     * post-processed.
     *
     * @param quiet true when no pixel of the probability map reached the text threshold
     * @param region the bounding rectangle {x0, y0, x1, y1} (ends exclusive) of the pixels above the threshold, in
     *     the pixels of the detected image; null when quiet
     */
    private record Pass(List<float[]> quads, boolean quiet, int[] region) {}

    private Pass pass(Mat src, int[] size) throws TranslateException {
        int dh = size[0];
        int dw = size[1];
        int plane = dh * dw;
        Buffers buf = buffers.get().fit(plane);
        Mat resized = new Mat();
        try {
            Imgproc.resize(src, resized, new Size(dw, dh)); // bilinear, as cv2.resize's default
            resized.get(0, 0, buf.bytes);
        } finally {
            resized.release();
        }
        byte[] px = buf.bytes;
        float[] chw = buf.floats;
        for (int c = 0; c < 3; c++) {
            float mean = MEAN[c];
            float std = STD[c];
            int o = c * plane;
            for (int i = 0; i < plane; i++) {
                chw[o + i] = ((px[3 * i + c] & 0xff) / 255f - mean) / std;
            }
        }
        OnnxModel.Output out = det.runPrefix(chw, 3 * plane, 1, 3, dh, dw);
        float[] prob = out.data();
        int[] region = textPixels(prob, dh, dw, options.detThreshold());
        if (region == null) {
            return new Pass(List.of(), true, null);
        }
        // map cells to image pixels, rounding outwards
        double sy = (double) src.rows() / dh;
        double sx = (double) src.cols() / dw;
        region = new int[] {
            (int) Math.floor(region[0] * sx),
            (int) Math.floor(region[1] * sy),
            (int) Math.min(src.cols(), Math.ceil(region[2] * sx)),
            (int) Math.min(src.rows(), Math.ceil(region[3] * sy))
        };
        List<float[]> quads = new ArrayList<>();
        for (DbPostProcess.Detection d : db.detect(prob, dh, dw, src.rows(), src.cols())) {
            quads.add(d.quad());
        }
        return new Pass(quads, false, region);
    }

    /** The bounding rectangle {x0, y0, x1, y1} (ends exclusive) of the map cells above {@code t}, or null. */
    static int[] textPixels(float[] prob, int h, int w, float t) {
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (prob[row + x] > t) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = y;
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1 + 1, y1 + 1};
    }

    /** One thread's detection input: the resized BGR bytes and the normalised planes, grown when needed. */
    private static final class Buffers {
        byte[] bytes = new byte[0];
        float[] floats = new float[0];

        Buffers fit(int plane) {
            if (floats.length < 3 * plane) {
                bytes = new byte[3 * plane];
                floats = new float[3 * plane];
            }
            return this;
        }
    }

    /**
     * Cuts a text line out of the image and warps it to an upright rectangle (PaddleOCR
     * {@code get_rotate_crop_image}): width and height are the longer of the opposite quad sides, bicubic,
     * replicated borders.
     *
     * @param src the BGR image
     * @param q the quad, clockwise from the top-left
     * @return the crop, or null when it would be empty
     */
    static Mat crop(Mat src, float[] q) {
        int cw = (int) Math.max(Math.hypot(q[0] - q[2], q[1] - q[3]), Math.hypot(q[4] - q[6], q[5] - q[7]));
        int ch = (int) Math.max(Math.hypot(q[0] - q[6], q[1] - q[7]), Math.hypot(q[2] - q[4], q[3] - q[5]));
        if (cw < 1 || ch < 1) {
            return null;
        }
        MatOfPoint2f from = new MatOfPoint2f(
                new Point(q[0], q[1]), new Point(q[2], q[3]), new Point(q[4], q[5]), new Point(q[6], q[7]));
        MatOfPoint2f to = new MatOfPoint2f(new Point(0, 0), new Point(cw, 0), new Point(cw, ch), new Point(0, ch));
        Mat m = Imgproc.getPerspectiveTransform(from, to);
        Mat out = new Mat();
        Imgproc.warpPerspective(src, out, m, new Size(cw, ch), Imgproc.INTER_CUBIC, Core.BORDER_REPLICATE);
        from.release();
        to.release();
        m.release();
        return out;
    }

    /**
     * A crop turned upright for reading: PaddleOCR rotates crops at least 1.5 times taller than wide
     * counter-clockwise ({@code np.rot90}), taking them for vertical lines.
     *
     * @param crop the crop; released when a rotated copy is returned
     * @return the crop to read, and whether it was rotated
     */
    static Upright upright(Mat crop) {
        if (crop.rows() < 1.5 * crop.cols()) {
            return new Upright(crop, false);
        }
        Mat r = new Mat();
        Core.rotate(crop, r, Core.ROTATE_90_COUNTERCLOCKWISE);
        crop.release();
        return new Upright(r, true);
    }

    /**
     * A line crop ready for recognition.
     *
     * @param image the BGR crop, reading left to right
     * @param vertical true when it was rotated (the line reads top to bottom in the image)
     */
    record Upright(Mat image, boolean vertical) {}

    @Override
    public void close() {
        det.close();
    }
}
