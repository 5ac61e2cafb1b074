package org.parrotscope.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;

/**
 * The {@code ppocr-det+tesseract} engine: PP-OCRv4's DB detector finds the text lines and its recogniser reads
 * them, as in {@code ppocr}, and Tesseract's LSTM reads each rectified line crop once more as a single line
 * ({@link TessLineReader}, PSM 7). PP-OCRv4's recogniser uses a Chinese dictionary: its characters are good, but
 * it drops the spaces between Latin words ({@code GavinStone}); Tesseract's English model keeps them, and on a
 * line crop it no longer has to find the text in a photo, where it fails as a full-page engine
 * ({@code tesseract}). So each line is split at the gaps between Tesseract's words as well as at PP-OCR's spaces
 * and ink gaps, when Tesseract's words are confident ({@link OcrOptions#tessMinConfidence()}); a line PP-OCR
 * scores below {@link OcrOptions#dropScore()} is taken from Tesseract alone; letter-spaced runs are joined
 * ({@link LetterSpacing}); each word's quad is the part of the line quad between its ends
 * ({@link LineSplitter#subQuad}). Thread-safe (see {@link TextSpotter}).
 */
public final class DetTesseractSpotter implements TextSpotter {

    /** Engine name. */
    public static final String NAME = "ppocr-det+tesseract";

    private final PpOcrSpotter inner;

    /**
     * Loads the PP-OCR models (about 0.5 s) and this thread's Tesseract handle.
     *
     * @param options engine options; {@link OcrOptions#modelDir()} null means {@link ModelPaths#modelsRoot()}
     * @throws IOException when the models cannot be loaded
     * @throws IllegalStateException when the PP-OCR models or the Tesseract model are missing (the message says
     *     how to install them)
     */
    public DetTesseractSpotter(OcrOptions options) throws IOException {
        TessLineReader reader = new TessLineReader(options, ITessAPI.TessPageSegMode.PSM_SINGLE_LINE);
        try {
            this.inner = new PpOcrSpotter(options, reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SpottedWord> spot(BufferedImage image) throws OcrException {
        return inner.spot(image);
    }

    /** Closes the models and every thread's Tesseract handle. */
    @Override
    public void close() {
        inner.close();
    }
}
