package org.parrotscope.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Creates text-spotting engines by name: {@code ppocr-det+tesseract} (the default), {@code ppocr},
 * {@code tesseract}, {@code oracle}.
 */
public final class TextSpotters {

    /**
     * The default engine: {@code ppocr-det+tesseract}, PP-OCRv4's scene-text detector and recogniser (web images
     * are photos, issue 3) with Tesseract re-reading each line for the word breaks PP-OCR drops. On the hard
     * generated set it recalls more words and more parrot images than {@code ppocr} at equal precision, and on
     * mini-LAION it is as good (lib/README.md, "Text spotting", has the measured table); it costs about a
     * quarter more time per image.
     */
    public static final String DEFAULT = DetTesseractSpotter.NAME;

    /** Engine names accepted by {@link #createForSamples}. */
    public static final List<String> NAMES =
            List.of(PpOcrSpotter.NAME, TesseractSpotter.NAME, DetTesseractSpotter.NAME, OracleSpotter.NAME);

    private TextSpotters() {}

    /**
     * Creates an image-only engine.
     *
     * @param name {@code ppocr}, {@code tesseract} or {@code ppocr-det+tesseract}
     * @param options engine options
     * @return the engine; close it after use
     * @throws IllegalArgumentException for an unknown name, or {@code oracle} (it needs samples: use
     *     {@link #createForSamples})
     * @throws IllegalStateException when the engine's models are missing (the message says how to install them)
     * @throws UncheckedIOException when the models cannot be loaded
     */
    public static TextSpotter create(String name, OcrOptions options) {
        switch (name) {
            case PpOcrSpotter.NAME:
                try {
                    return new PpOcrSpotter(options);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            case TesseractSpotter.NAME:
                return new TesseractSpotter(options);
            case DetTesseractSpotter.NAME:
                try {
                    return new DetTesseractSpotter(options);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            case OracleSpotter.NAME:
                throw new IllegalArgumentException(
                        "the oracle engine reads sample metadata; use TextSpotters.createForSamples");
            default:
                throw new IllegalArgumentException("unknown OCR engine '" + name + "'; choose one of " + NAMES);
        }
    }

    /**
     * Creates an engine for dataset runs: the oracle, or an image engine adapted by {@link SampleSpotter#of}.
     *
     * @param name one of {@link #NAMES}
     * @param options engine options
     * @return the engine; close it after use
     */
    public static SampleSpotter createForSamples(String name, OcrOptions options) {
        if (OracleSpotter.NAME.equals(name)) {
            return new OracleSpotter();
        }
        return SampleSpotter.of(create(name, options));
    }
}
