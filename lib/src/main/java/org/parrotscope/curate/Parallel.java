package org.parrotscope.curate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a fixed number of threads. Work is split into a fixed number of chunks that does not
 * depend on the thread count, and callers combine per-chunk results in chunk order, so a result is the same
 * with one thread or many.
 */
final class Parallel {

    /** Rows per chunk. */
    static final int CHUNK = 2048;

    private Parallel() {}

    /**
     * @param n rows
     * @return the number of chunks of {@link #CHUNK} rows
     */
    static int chunks(int n) {
        return Math.max(1, (n + CHUNK - 1) / CHUNK);
    }

    /**
     * @param n rows
     * @param chunk a chunk index
     * @return its first row
     */
    static int from(int n, int chunk) {
        return Math.min(n, chunk * CHUNK);
    }

    /**
     * @param n rows
     * @param chunk a chunk index
     * @return one past its last row
     */
    static int to(int n, int chunk) {
        return Math.min(n, (chunk + 1) * CHUNK);
    }

    /**
     * Runs {@code task(0..tasks-1)} and waits for all.
     *
     * @param tasks number of tasks
     * @param threads worker threads (1 runs inline)
     * @param task the work
     */
    static void run(int tasks, int threads, IntConsumer task) {
        if (threads <= 1 || tasks <= 1) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks), r -> {
            Thread th = new Thread(r, "parrotscope-curate");
            th.setDaemon(true);
            return th;
        });
        try {
            Future<?>[] f = new Future<?>[tasks];
            for (int t = 0; t < tasks; t++) {
                int id = t;
                f[t] = pool.submit(() -> task.accept(id));
            }
            for (Future<?> x : f) {
                x.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
