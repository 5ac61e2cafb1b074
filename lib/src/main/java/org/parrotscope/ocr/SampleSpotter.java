package org.parrotscope.ocr;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.parrotscope.data.Sample;

/**
 * A text-spotting engine that may look at the whole sample, not only its pixels: the {@code oracle}
 * engine reads the generator's ground truth from the metadata. {@link OcrRun} drives engines through
 * this interface; {@link #of(TextSpotter)} adapts an image-only engine. Same thread model as
 * {@link TextSpotter}.
 */
public interface SampleSpotter extends AutoCloseable {

    /** @return the engine name written to the OCR records */
    String name();

    /**
     * Finds the words of one sample.
     *
     * @param sample the sample (key, caption, metadata)
     * @param image its decoded image
     * @return the words in reading order, in image pixel coordinates
     * @throws OcrException when the engine fails on this sample
     */
    List<SpottedWord> spot(Sample sample, BufferedImage image) throws OcrException;

    @Override
    void close();

    /**
     * Adapts an image-only engine; closing the adapter closes the engine.
     *
     * @param engine the engine
     * @return a sample spotter that ignores everything but the image
     */
    static SampleSpotter of(TextSpotter engine) {
        Objects.requireNonNull(engine, "engine");
        return new SampleSpotter() {
            @Override
            public String name() {
                return engine.name();
            }

            @Override
            public List<SpottedWord> spot(Sample sample, BufferedImage image) throws OcrException {
                return engine.spot(image);
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }
}
