package org.parrotscope.ocr;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A text-spotting engine: an image in, the words it shows out (paper Step 2). Create one by name with
 * {@link TextSpotters#create(String, OcrOptions)} and close it after use: engines own native handles
 * (a Tesseract handle, ONNX Runtime sessions).
 *
 * <p>Thread model: an engine object is thread-safe. It holds one native handle (Tesseract) or one
 * predictor (ONNX Runtime) per calling thread, created on that thread's first call and released by
 * {@link #close()}; so N worker threads calling {@link #spot} run N independent pipelines. Call
 * {@code close()} only after every {@code spot} call has returned.
 */
public interface TextSpotter extends AutoCloseable {

    /** @return the engine name written to the OCR records ({@code ppocr}, {@code tesseract}) */
    String name();

    /**
     * Finds the words in an image.
     *
     * @param image any {@link BufferedImage} type (grey, indexed, RGB, with alpha: alpha is composited over white)
     * @return the words in reading order (top to bottom, then left to right), in image pixel coordinates
     * @throws OcrException when the engine fails on this image
     */
    List<SpottedWord> spot(BufferedImage image) throws OcrException;

    /** Releases the engine's native resources (all threads' handles). */
    @Override
    void close();
}
