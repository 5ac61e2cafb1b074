package org.parrotscope.util;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Progress of a long run (OCR, scoring, training): a count towards an optional total, reported to a
 * listener. {@link #console(String, long)} gives a redrawn bar on a terminal and plain periodic lines
 * otherwise (logs, CI); notebooks attach their own listener through {@link #listen(String, long, Consumer)}.
 * Thread-safe: workers call {@link #advance(long)} concurrently.
 */
public final class Progress implements AutoCloseable {

    /** A snapshot handed to listeners. */
    public record State(String task, long done, long total, double elapsedSeconds, boolean finished) {
        /** @return items per second so far */
        public double rate() {
            return elapsedSeconds > 0 ? done / elapsedSeconds : 0;
        }

        /** @return fraction done in [0, 1], or NaN without a total */
        public double fraction() {
            return total > 0 ? Math.min(1.0, (double) done / total) : Double.NaN;
        }

        /** @return a one-line human description, e.g. {@code ocr 120/500 (24%) 31.2/s eta 12s} */
        public String describe() {
            StringBuilder sb = new StringBuilder(task).append(' ').append(done);
            if (total > 0) {
                sb.append('/').append(total).append(String.format(Locale.ROOT, " (%.0f%%)", 100 * fraction()));
            }
            sb.append(String.format(Locale.ROOT, " %.1f/s", rate()));
            if (total > 0 && !finished && rate() > 0) {
                sb.append(String.format(Locale.ROOT, " eta %.0fs", (total - done) / rate()));
            }
            if (finished) {
                sb.append(String.format(Locale.ROOT, " done in %.1fs", elapsedSeconds));
            }
            return sb.toString();
        }
    }

    private static final Progress SILENT = new Progress("", 0, s -> {}, Long.MAX_VALUE);

    private final String task;
    private final long total;
    private final Consumer<State> listener;
    private final long minIntervalNanos;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean closed;

    private Progress(String task, long total, Consumer<State> listener, long minIntervalNanos) {
        this.task = task;
        this.total = total;
        this.listener = listener;
        this.minIntervalNanos = minIntervalNanos;
    }

    /** @return a progress that reports nothing */
    public static Progress silent() {
        return SILENT;
    }

    /**
     * Progress reported to a listener at most every 200 ms, and once when closed.
     *
     * @param task a short name
     * @param total the expected count, or 0 when unknown
     * @param listener receives snapshots
     * @return the progress
     */
    public static Progress listen(String task, long total, Consumer<State> listener) {
        return new Progress(task, total, listener, 200_000_000L);
    }

    /**
     * Progress on standard error: a bar redrawn in place on a terminal, otherwise a plain line every 10 s.
     *
     * @param task a short name
     * @param total the expected count, or 0 when unknown
     * @return the progress
     */
    public static Progress console(String task, long total) {
        PrintStream err = System.err;
        if (System.console() != null) {
            return new Progress(task, total, s -> err.print("\r" + bar(s) + (s.finished() ? "\n" : "")), 200_000_000L);
        }
        return new Progress(task, total, s -> err.println(s.describe()), 10_000_000_000L);
    }

    private static String bar(State s) {
        int width = 30;
        if (s.total() <= 0) {
            return s.describe();
        }
        int filled = (int) Math.round(width * s.fraction());
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + s.describe();
    }

    /**
     * Adds to the count and reports when the interval has passed.
     *
     * @param n items finished
     */
    public void advance(long n) {
        long d = done.addAndGet(n);
        if (this == SILENT) {
            return;
        }
        long now = System.nanoTime();
        long last = lastReport.get();
        if ((last == Long.MIN_VALUE || now - last >= minIntervalNanos) && lastReport.compareAndSet(last, now)) {
            listener.accept(new State(task, d, total, (now - start) / 1e9, false));
        }
    }

    /** @return items counted so far */
    public long done() {
        return done.get();
    }

    /** Reports the final state once. */
    @Override
    public void close() {
        if (this == SILENT || closed) {
            return;
        }
        closed = true;
        listener.accept(new State(task, done.get(), total, (System.nanoTime() - start) / 1e9, true));
    }
}
