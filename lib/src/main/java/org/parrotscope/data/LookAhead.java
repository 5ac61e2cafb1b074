package org.parrotscope.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that finds its next element ahead of {@link #next()}, for readers that skip items: a subclass
 * implements {@link #advance()}, which returns the next element, or null after skipping one, and calls
 * {@link #end()} when the input is exhausted (it may still return a last element on that call).
 *
 * @param <T> the element type
 */
abstract class LookAhead<T> implements Iterator<T> {

    private T next;
    private boolean ended;

    /** @return the next element, or null to be called again (an item was skipped, or {@link #end()} was called) */
    protected abstract T advance();

    /** Marks the input as exhausted: {@link #advance()} is not called again. */
    protected final void end() {
        ended = true;
    }

    @Override
    public final boolean hasNext() {
        while (next == null && !ended) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
    }
}
