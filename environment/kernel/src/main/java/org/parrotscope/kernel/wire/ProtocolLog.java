package org.parrotscope.kernel.wire;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One line on the kernel's stderr per dropped or refused message, never a stack trace, and at most
 * {@link #MAX_PER_WINDOW} lines a minute so a flood of bad messages cannot flood the log (the count of
 * the lines held back is logged when the next minute starts).
 */
final class ProtocolLog {
    static final int MAX_PER_WINDOW = 100;
    private static final long WINDOW_NANOS = 60_000_000_000L;
    // Captured once: basekernel swaps System.err for the notebook's stream while a cell runs.
    private static final PrintStream ERR =
            new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);

    private static long windowStart = System.nanoTime();
    private static int inWindow;
    private static int suppressed;

    private ProtocolLog() {}

    /**
     * Logs one event.
     *
     * @param channel the socket, e.g. {@code shell}
     * @param what what happened, e.g. {@code dropped a message: bad signature}
     */
    static synchronized void warn(String channel, String what) {
        long now = System.nanoTime();
        if (now - windowStart > WINDOW_NANOS) {
            if (suppressed > 0) {
                ERR.println("[ParrotScope kernel] " + suppressed + " more protocol warnings in the last minute"
                        + " were not logged");
            }
            windowStart = now;
            inWindow = 0;
            suppressed = 0;
        }
        if (inWindow >= MAX_PER_WINDOW) {
            suppressed++;
            return;
        }
        inWindow++;
        // One line: a hostile message must not be able to add lines through its own text.
        ERR.println("[ParrotScope kernel] " + channel + ": " + what.replaceAll("[\\r\\n\\t]", " "));
    }
}
