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

    private final OcrOptions options;
    private final DbPostProcess db;
    private final OnnxModel det;

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
     * Detects text lines.
     *
     * @param src the BGR image
     * @return line quads in image pixels (8 coordinates clockwise from the top-left), in reading order
     * @throws TranslateException when ONNX Runtime fails
     */
    List<float[]> detect(Mat src) throws TranslateException {
        int[] size = DetResize.size(src.rows(), src.cols(), options.detMaxSide(), options.detUpscaleTo());
        int dh = size[0];
        int dw = size[1];
        Mat resized = new Mat();
        Imgproc.resize(src, resized, new Size(dw, dh)); // bilinear, as cv2.resize's default
        byte[] px = new byte[dh * dw * 3];
        resized.get(0, 0, px);
        resized.release();
        int plane = dh * dw;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + i] = ((px[3 * i + c] & 0xff) / 255f - MEAN[c]) / STD[c];
            }
        }
        OnnxModel.Output out = det.run(chw, 1, 3, dh, dw);
        List<float[]> quads = new ArrayList<>();
        for (DbPostProcess.Detection d : db.detect(out.data(), dh, dw, src.rows(), src.cols())) {
            quads.add(d.quad());
        }
        return ReadingOrder.sort(quads);
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
