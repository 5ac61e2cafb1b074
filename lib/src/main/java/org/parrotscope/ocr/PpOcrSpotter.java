package org.parrotscope.ocr;

import ai.djl.translate.TranslateException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The {@code ppocr} engine: PP-OCRv4 scene-text detection (DB) and recognition (CTC) on ONNX Runtime,
 * with PaddleOCR's documented pre- and post-processing reimplemented in Java (PaddleOCR
 * {@code tools/infer/predict_system.py}): line detection by DB ({@link LineDetector}), each line cropped
 * and rectified, recognised in batches of
 * similar aspect ratio at height 48 ({@link LineRecognizer}), and split into words at spaces and ink gaps
 * ({@link LineSplitter}, {@link InkGaps}: an addition to PaddleOCR, whose Chinese recogniser often drops the
 * spaces between Latin words); words without a letter or digit are dropped ({@link OcrOptions#dropSymbolWords()}).
 * Thread-safe: one ONNX Runtime predictor per thread over shared models (see {@link TextSpotter}).
 */
public final class PpOcrSpotter implements TextSpotter {

    /** Engine name. */
    public static final String NAME = "ppocr";

    /**
     * A Tesseract word gap splits a PP-OCR line only where the ink has a blank run at least this times the ink
     * height wide: letter spacing in common fonts is 0.1-0.2 of the ink height ({@link InkGaps}), so a gap
     * Tesseract puts inside a word, where letters touch, is ignored; tracked letters still split.
     */
    static final double FINE_GAP = 0.1;

    /** Least Tesseract confidence of a word that replaces a line PP-OCR drops. */
    static final float FALLBACK_CONFIDENCE = 0.75f;

    private final OcrOptions options;
    private final LineDetector det;
    private final LineRecognizer rec;
    private final TessLineReader tess;

    /**
     * Loads the models (about 0.5 s).
     *
     * @param options engine options; {@link OcrOptions#modelDir()} null means {@link ModelPaths#modelsRoot()}
     * @throws IOException when the models cannot be loaded
     * @throws IllegalStateException when the model files are missing (the message says how to install them)
     */
    public PpOcrSpotter(OcrOptions options) throws IOException {
        this(options, null);
    }

    /**
     * Loads the models, with Tesseract as a second reader of each line ({@link DetTesseractSpotter}).
     *
     * @param options engine options
     * @param tess the line reader whose word boundaries split the lines too, or null; closed with this engine
     * @throws IOException when the models cannot be loaded
     */
    PpOcrSpotter(OcrOptions options, TessLineReader tess) throws IOException {
        this.options = options;
        this.tess = tess;
        PpOcrModels files = PpOcrModels.locate(options.modelDir());
        CtcDecoder decoder = new CtcDecoder(files.readKeys());
        this.det = new LineDetector(files.detModel(), options);
        try {
            this.rec = new LineRecognizer(
                    new OnnxModel(files.recModel(), options.intraOpThreads()),
                    decoder,
                    options.recBatchSize(),
                    options.recMinWidth());
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
            List<float[]> lines = det.detect(src);
            List<float[]> kept = new ArrayList<>();
            List<Boolean> vertical = new ArrayList<>();
            List<List<double[]>> gaps = new ArrayList<>();
            for (float[] q : lines) {
                Mat raw = LineDetector.crop(src, q);
                if (raw == null) {
                    continue;
                }
                LineDetector.Upright up = LineDetector.upright(raw);
                Mat c = up.image();
                crops.add(c);
                kept.add(q);
                vertical.add(up.vertical());
                gaps.add(inkGaps(c));
            }
            List<LineRecognizer.Result> texts = rec.recognize(crops);
            List<SpottedWord> words = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                for (LineWord lw : lineWords(texts.get(i), crops.get(i), gaps.get(i))) {
                    if (!options.dropSymbolWords() || hasLetterOrDigit(lw.text())) {
                        words.add(LineSplitter.toSpotted(lw, kept.get(i), vertical.get(i)));
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

    /**
     * One line's words: PP-OCR's characters split at its spaces and at ink gaps, and, with a Tesseract reader,
     * also at the gaps between the words Tesseract reads on the same crop (it keeps the spaces the
     * Chinese-dictionary recogniser drops) when those words are confident and the ink shows a blank there
     * too ({@link #FINE_GAP}); a line PP-OCR drops is taken from Tesseract's confident words of two or more
     * characters ({@link #FALLBACK_CONFIDENCE}); letter-spaced runs are joined ({@link LetterSpacing}).
     */
    private List<LineWord> lineWords(LineRecognizer.Result r, Mat crop, List<double[]> inkGaps) {
        boolean ppocrOk =
                r.line().score() >= options.dropScore() && !r.line().text().isBlank();
        if (ppocrOk) {
            // a letter-spaced heading: words by the rhythm of its letters, whatever the spaces say
            List<LineWord> tracked = Tracking.words(r.line().chars(), r.positions(), grey(crop, FINE_GAP));
            if (tracked != null) {
                return tracked;
            }
        }
        List<LineWord> read = tess == null ? List.of() : tess.read(crop);
        List<LineWord> second = read.stream()
                .filter(w -> w.confidence() >= options.tessMinConfidence())
                .toList();
        if (ppocrOk) {
            List<LineWord> agreed = SpaceAgreement.split(r.line().chars(), read);
            if (agreed != null) {
                return LetterSpacing.join(agreed);
            }
        }
        if (!ppocrOk) {
            // PaddleOCR drop_score removes glyphs the Chinese model invents on textures; Tesseract invents
            // single letters there, so only its confident longer words replace the line
            return LetterSpacing.join(second).stream()
                    .filter(w -> w.confidence() >= FALLBACK_CONFIDENCE
                            && w.text()
                                            .codePoints()
                                            .filter(Character::isLetterOrDigit)
                                            .count()
                                    >= 2)
                    .toList();
        }
        List<double[]> gaps = inkGaps;
        if (second.size() > 1) {
            gaps = new ArrayList<>(inkGaps);
            List<double[]> blank = grey(crop, FINE_GAP);
            for (int k = 0; k + 1 < second.size(); k++) {
                double lo = second.get(k).hi();
                double hi = Math.max(lo, second.get(k + 1).lo());
                if (blank.stream().anyMatch(b -> b[0] < hi + 1e-9 && b[1] > lo - 1e-9)) {
                    gaps.add(new double[] {lo, hi});
                }
            }
        }
        return LetterSpacing.join(
                SpaceAgreement.anchor(LineSplitter.words(r.line().chars(), r.positions(), gaps), read));
    }

    private List<double[]> inkGaps(Mat crop) {
        if (options.wordGapRatio() <= 0) {
            return List.of();
        }
        return grey(crop, options.wordGapRatio());
    }

    /** Blank column runs at least {@code ratio} times the ink height wide ({@link InkGaps}). */
    private static List<double[]> grey(Mat crop, double ratio) {
        Mat grey = new Mat();
        Imgproc.cvtColor(crop, grey, Imgproc.COLOR_BGR2GRAY);
        byte[] px = new byte[grey.rows() * grey.cols()];
        grey.get(0, 0, px);
        grey.release();
        return InkGaps.find(px, crop.cols(), crop.rows(), ratio);
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Closes both models and every thread's predictors. */
    @Override
    public void close() {
        try {
            rec.close();
        } finally {
            try {
                det.close();
            } finally {
                if (tess != null) {
                    tess.close();
                }
            }
        }
    }
}
