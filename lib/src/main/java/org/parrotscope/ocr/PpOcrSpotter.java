package org.parrotscope.ocr;

import ai.djl.translate.TranslateException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The {@code ppocr} engine: PP-OCRv4 scene-text detection (DB) and recognition (CTC) on ONNX Runtime,
 * with PaddleOCR's documented pre- and post-processing reimplemented in Java (PaddleOCR
 * {@code tools/infer/predict_system.py}): BGR input normalised with ImageNet mean/std, detection at a
 * multiple of 32 ({@link DetResize}), DB boxes ({@link DbPostProcess}) in reading order
 * ({@link ReadingOrder}), each line cropped and rectified ({@link #crop}), recognised in batches of
 * similar aspect ratio at height 48 ({@link LineRecognizer}), and split into words at spaces and ink gaps
 * ({@link LineSplitter}, {@link InkGaps}: an addition to PaddleOCR, whose Chinese recogniser often drops the
 * spaces between Latin words); words without a letter or digit are dropped ({@link OcrOptions#dropSymbolWords()}).
 * Thread-safe: one ONNX Runtime predictor per thread over shared models (see {@link TextSpotter}).
 */
public final class PpOcrSpotter implements TextSpotter {

    /** Engine name. */
    public static final String NAME = "ppocr";

    /** ImageNet mean and std, applied to the B, G, R channels in this order, as PaddleOCR does on cv2 images. */
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};

    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final OcrOptions options;
    private final DbPostProcess db;
    private final OnnxModel det;
    private final LineRecognizer rec;

    /**
     * Loads the models (about 0.5 s).
     *
     * @param options engine options; {@link OcrOptions#modelDir()} null means {@link ModelPaths#modelsRoot()}
     * @throws IOException when the models cannot be loaded
     * @throws IllegalStateException when the model files are missing (the message says how to install them)
     */
    public PpOcrSpotter(OcrOptions options) throws IOException {
        this.options = options;
        PpOcrModels files = PpOcrModels.locate(options.modelDir());
        OpenCv.load();
        this.db = new DbPostProcess(options.detThreshold(), options.boxThreshold(), options.unclipRatio());
        CtcDecoder decoder = new CtcDecoder(files.readKeys());
        this.det = new OnnxModel(files.detModel(), options.intraOpThreads());
        try {
            this.rec = new LineRecognizer(
                    new OnnxModel(files.recModel(), options.intraOpThreads()), decoder, options.recBatchSize());
        } catch (IOException | RuntimeException e) {
            det.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SpottedWord> spot(BufferedImage image) throws OcrException {
        int w = image.getWidth();
        int h = image.getHeight();
        Mat src = new Mat(h, w, CvType.CV_8UC3);
        List<Mat> crops = new ArrayList<>();
        try {
            src.put(0, 0, Pixels.bgr(image));
            List<float[]> lines = ReadingOrder.sort(detect(src));
            List<float[]> kept = new ArrayList<>();
            List<Boolean> vertical = new ArrayList<>();
            List<List<double[]>> gaps = new ArrayList<>();
            for (float[] q : lines) {
                Mat c = crop(src, q);
                if (c == null) {
                    continue;
                }
                boolean rotate = c.rows() >= 1.5 * c.cols();
                if (rotate) {
                    Mat r = new Mat();
                    Core.rotate(c, r, Core.ROTATE_90_COUNTERCLOCKWISE); // np.rot90: counter-clockwise
                    c.release();
                    c = r;
                }
                crops.add(c);
                kept.add(q);
                vertical.add(rotate);
                gaps.add(inkGaps(c));
            }
            List<LineRecognizer.Result> texts = rec.recognize(crops);
            List<SpottedWord> words = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                LineRecognizer.Result r = texts.get(i);
                if (r.line().score() < options.dropScore() || r.line().text().isBlank()) {
                    continue; // PaddleOCR drop_score: removes glyphs the Chinese model invents on textures
                }
                for (SpottedWord word : LineSplitter.split(
                        r.line().chars(), r.positions(), gaps.get(i), kept.get(i), vertical.get(i))) {
                    if (!options.dropSymbolWords() || hasLetterOrDigit(word.text())) {
                        words.add(word);
                    }
                }
            }
            return words;
        } catch (TranslateException | CvException e) {
            throw new OcrException("ppocr failed on a " + w + "x" + h + " image: " + e.getMessage(), e);
        } finally {
            src.release();
            crops.forEach(Mat::release);
        }
    }

    private List<double[]> inkGaps(Mat crop) {
        if (options.wordGapRatio() <= 0) {
            return List.of();
        }
        Mat grey = new Mat();
        Imgproc.cvtColor(crop, grey, Imgproc.COLOR_BGR2GRAY);
        byte[] px = new byte[grey.rows() * grey.cols()];
        grey.get(0, 0, px);
        grey.release();
        return InkGaps.find(px, crop.cols(), crop.rows(), options.wordGapRatio());
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Detection: resize to a multiple of 32, normalise, run DB, post-process to image-pixel quads. */
    private List<float[]> detect(Mat src) throws TranslateException {
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
        return quads;
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

    /** Closes both models and every thread's predictors. */
    @Override
    public void close() {
        try {
            rec.close();
        } finally {
            det.close();
        }
    }
}
