package org.parrotscope.ocr;

/** A text-spotting engine failed on one image (the run records it in that sample's {@code error} and goes on). */
public class OcrException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the engine's exception
     */
    public OcrException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public OcrException(String message) {
        super(message);
    }
}
