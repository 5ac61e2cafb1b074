package org.parrotscope.kernel.wire;

/** A message that is not a well-formed, correctly signed Jupyter message; its text says what is wrong. */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param problem what is wrong, e.g. {@code bad signature} */
    public MalformedMessageException(String problem) {
        super(problem);
    }
}
