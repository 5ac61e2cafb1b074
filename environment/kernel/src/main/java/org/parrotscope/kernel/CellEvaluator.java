package org.parrotscope.kernel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Evaluates cells with an in-process JShell: a cell is split into snippets, each runs on a dedicated
 * evaluation thread (so the kernel thread stays free to interrupt it), and the value of a final bare
 * expression is returned as the cell's result.
 *
 * <p>Interrupting first calls {@link Thread#interrupt()} on the thread running user code; if that code
 * is still running after a grace period, the thread is stopped with {@code Thread.stop}, which JDK 17
 * still supports (JDK 20+ throws, so there only cooperative code can be interrupted).
 */
public final class CellEvaluator implements AutoCloseable {

    private static final long POLL_MILLIS = 50;
    private final InProcessExecutionControl control = new InProcessExecutionControl();
    private final JShell shell;
    private final Optional<Duration> timeout;
    private final Duration stopGrace;
    private final ExecutorService evalThread;
    private final ScheduledExecutorService watchdog;
    private volatile Thread evaluating;
    private volatile boolean interrupted;

    /**
     * Starts JShell with the kernel's classpath visible to user code.
     *
     * @param compilerOptions options for javac
     * @param timeout limit per top-level statement, empty for none
     * @param stopGrace how long interrupted code may take to react before its thread is stopped
     */
    public CellEvaluator(List<String> compilerOptions, Optional<Duration> timeout, Duration stopGrace) {
        this.timeout = timeout;
        this.stopGrace = stopGrace;
        this.evalThread = Executors.newSingleThreadExecutor(r -> daemon(r, "parrotscope-eval"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "parrotscope-watchdog"));
        this.shell = JShell.builder()
                .executionEngine(control.provider(), java.util.Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        // Launcher wildcards (lib/*) are already expanded in java.class.path.
        shell.addToClasspath(System.getProperty("java.class.path"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** @return the underlying JShell, for diagnostics and variable listings */
    public JShell shell() {
        return shell;
    }

    /**
     * Adds a classpath entry for both the compiler and the class loader of user code.
     *
     * @param path a jar or folder
     */
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /**
     * Evaluates a cell.
     *
     * @param code Java source (magics already translated)
     * @return the value of the cell's last snippet when it is a bare expression, else null
     * @throws EvaluationException on compile errors, exceptions in user code, undefined names,
     *     incomplete input, interrupts and timeouts
     */
    public Object eval(String code) throws EvaluationException {
        boolean nested = Thread.currentThread() == evaluating;
        if (!nested) {
            interrupted = false;
        }
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Object result = null;
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                throw new EvaluationException(
                        EvaluationException.Kind.INCOMPLETE,
                        remaining.strip(),
                        List.of("Incomplete input: the cell ends inside a statement or declaration."));
            }
            String source = info.source();
            remaining = info.remaining();
            checkInterrupted(source);
            result = evalSnippet(source, nested);
        }
        return result;
    }

    private Object evalSnippet(String source, boolean nested) throws EvaluationException {
        List<SnippetEvent> events = nested ? shell.eval(source) : onEvalThread(source, () -> shell.eval(source));
        Object value = control.takeLastValue();
        checkInterrupted(source);
        Object result = null;
        for (SnippetEvent ev : events) {
            if (ev.causeSnippet() != null) {
                continue; // a dependent snippet updated as a side effect
            }
            Snippet s = ev.snippet();
            if (ev.status() == Snippet.Status.REJECTED) {
                throw ErrorTrace.compileError(shell, s);
            }
            if (ev.exception() != null) {
                checkInterrupted(source);
                throw ErrorTrace.of(shell, ev.exception(), s.source());
            }
            boolean bareExpression =
                    s.kind() == Snippet.Kind.EXPRESSION || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            result = bareExpression ? value : null;
        }
        return result;
    }

    private void checkInterrupted(String source) throws EvaluationException {
        if (interrupted) {
            throw new EvaluationException(
                    EvaluationException.Kind.INTERRUPTED, source, List.of("Evaluation interrupted."));
        }
    }

    private <T> T onEvalThread(String source, Callable<T> task) throws EvaluationException {
        Future<T> f = evalThread.submit(() -> {
            evaluating = Thread.currentThread();
            try {
                return task.call();
            } finally {
                evaluating = null;
            }
        });
        // Poll rather than block: the timeout counts from when user code starts (compiling a snippet
        // can take a while), and an interrupt that arrives while the snippet compiles must still reach
        // its code once it starts.
        boolean signalled = false;
        boolean timedOut = false;
        try {
            while (true) {
                try {
                    T value = f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (timedOut) {
                        throw timedOut(source);
                    }
                    return value;
                } catch (TimeoutException e) {
                    long since = control.runningSince();
                    if (signalled || since == 0) {
                        continue;
                    }
                    if (interrupted) {
                        stopUserCode();
                        signalled = true;
                    } else if (timeout.isPresent()
                            && System.nanoTime() - since > timeout.get().toNanos()) {
                        timedOut = true;
                        stopUserCode();
                        signalled = true;
                    }
                }
            }
        } catch (ExecutionException e) {
            if (timedOut) {
                throw timedOut(source);
            }
            checkInterrupted(source);
            throw new IllegalStateException("JShell failed on: " + source, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupt();
            throw new EvaluationException(
                    EvaluationException.Kind.INTERRUPTED, source, List.of("Evaluation interrupted."));
        }
    }

    private EvaluationException timedOut(String source) {
        return new EvaluationException(
                EvaluationException.Kind.TIMEOUT,
                source,
                List.of("Evaluation timed out after " + timeout.orElseThrow().toMillis() + " milliseconds."));
    }

    /**
     * Interrupts the running cell: the current snippet gets {@link Thread#interrupt()}, is stopped after
     * the grace period if still running, and no further snippet of the cell runs. Safe from any thread.
     */
    public void interrupt() {
        interrupted = true;
        stopUserCode();
    }

    private void stopUserCode() {
        long run = control.invocation();
        Thread t = control.userThread();
        if (t == null) {
            return;
        }
        t.interrupt();
        // Only the same run may be stopped: the thread is reused for the next snippets and cells.
        watchdog.schedule(
                () -> {
                    if (control.userThread() == t && control.invocation() == run) {
                        forceStop(t);
                    }
                },
                stopGrace.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void forceStop(Thread t) {
        try {
            t.stop(); // JDK 17: throws ThreadDeath in the user code, which JShell reports as an exception
        } catch (UnsupportedOperationException e) {
            System.err.println("[kernel] cannot stop a running cell on JDK "
                    + Runtime.version().feature() + ": the code does not react to Thread.interrupt()");
        }
    }

    /** @return JShell's source analysis for completion, inspection and is_complete */
    public SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    @Override
    public void close() {
        interrupt();
        watchdog.shutdownNow();
        evalThread.shutdownNow();
        shell.close();
    }
}
