package org.parrotscope.data;

import java.io.IOException;
import java.util.Objects;

/** An image that could not be decoded, with the {@link Skipped} reason code to record it under. */
public class ImageDecodeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * Creates the exception.
     *
     * @param reason the reason code: {@code empty_file}, {@code corrupt_image}, {@code unsupported_image} or {@code
     * too_many_pixels}
     * @param message the explanation, naming the sample
     * @param cause the decoder's exception, or null
     */
    public ImageDecodeException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the snake_case reason code */
    public String reason() {
        return reason;
    }

    /**
     * Converts this failure into a skip record.
     *
     * @param s the sample that failed
     * @return the record naming key, source and reason
     */
    public Skipped toSkipped(Sample s) {
        return new Skipped(s.key(), s.source(), reason, getMessage());
    }
}
