package org.parrotscope.train;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The machinery both training loaders share: a producer thread that puts prepared batches on a bounded queue, a
 * worker pool for decoding, the hand-over to the training loop (a failure in the producer surfaces at the next
 * {@link #hasNext()}), the count of skipped images and shutting the threads down. Subclasses say how batches are
 * made ({@link Producer}) and start the producer last in their constructor, when their fields are set.
 */
abstract class QueuedLoader implements TrainLoader {

    private static final Object END = new Object();

    /** The pool subclasses decode and augment images on. */
    final ExecutorService workers;

    /** Images that could not be decoded so far. */
    final AtomicInteger skipped = new AtomicInteger();

    private final String name;
    private final BlockingQueue<Object> queue;
    private Thread producer;
    private Object next;

    /** What the producer thread runs: it hands each batch to {@link #put} in step order. */
    @FunctionalInterface
    interface Producer {
        /**
         * Produces the batches.
         *
         * @throws Exception any failure, shown to the training loop
         */
        void run() throws Exception;
    }

    /**
     * Creates the pool and the queue.
     *
     * @param name thread name prefix ({@code <name>-worker}, {@code <name>-producer})
     * @param threads decoding threads
     * @param prefetch batches kept ready
     */
    QueuedLoader(String name, int threads, int prefetch) {
        this.name = name;
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name + "-worker");
            t.setDaemon(true);
            return t;
        });
        this.queue = new ArrayBlockingQueue<>(Math.max(1, prefetch));
    }

    /**
     * Starts the producer thread; called once, at the end of the subclass constructor.
     *
     * @param work makes the batches
     */
    final void start(Producer work) {
        producer = new Thread(
                () -> {
                    try {
                        work.run();
                        queue.put(END);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Throwable t) {
                        queue.offer(t);
                    }
                },
                name + "-producer");
        producer.setDaemon(true);
        producer.start();
    }

    /**
     * Hands a prepared batch to the training loop, waiting while the queue is full.
     *
     * @param b the batch
     * @throws InterruptedException when the loader is closed meanwhile
     */
    final void put(TrainBatch b) throws InterruptedException {
        queue.put(b);
    }

    /**
     * Called on the training thread when a batch leaves the queue.
     *
     * @param b the batch
     */
    void taken(TrainBatch b) {}

    @Override
    public int skipped() {
        return skipped.get();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            }
            if (next instanceof TrainBatch b) {
                taken(b);
            }
        }
        if (next instanceof Throwable t) {
            throw new IllegalStateException("batch preparation failed: " + t.getMessage(), t);
        }
        return next != END;
    }

    @Override
    public TrainBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TrainBatch b = (TrainBatch) next;
        next = null;
        return b;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.interrupt();
        }
        workers.shutdownNow();
    }
}
