package org.parrotscope.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A one-pass stream of samples read lazily from a shard or a dataset: only the current sample is held
 * in memory. Use in try-with-resources; {@link #iterator()} may be called once.
 */
public final class SampleStream implements Iterable<Sample>, AutoCloseable {

    private final Iterator<Sample> samples;
    private final Closeable onClose;
    private boolean iterated;
    private boolean closed;

    private SampleStream(Iterator<Sample> samples, Closeable onClose) {
        this.samples = Objects.requireNonNull(samples, "samples");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /**
     * Wraps an iterator.
     *
     * @param samples the samples, produced lazily
     * @param onClose releases the underlying files
     * @return the stream
     */
    public static SampleStream of(Iterator<Sample> samples, Closeable onClose) {
        return new SampleStream(samples, onClose);
    }

    /**
     * Returns the samples; may be called once (the stream is one pass).
     *
     * @throws IllegalStateException on a second call or after {@link #close()}
     */
    @Override
    public synchronized Iterator<Sample> iterator() {
        if (iterated || closed) {
            throw new IllegalStateException(
                    closed ? "sample stream is closed" : "a sample stream can be iterated only once");
        }
        iterated = true;
        return samples;
    }

    /** @return the samples as a sequential {@link Stream} (same one-pass rule as {@link #iterator()}) */
    public Stream<Sample> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Closes the underlying files.
     *
     * @throws UncheckedIOException when closing fails
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            onClose.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
