package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Interrupting a running cell and IJAVA_TIMEOUT, with the evaluator usable afterwards. */
class InterruptTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static EvaluationException runAndInterrupt(CellEvaluator ev, String property, String body)
            throws Exception {
        System.clearProperty(property);
        CompletableFuture<EvaluationException> failure = CompletableFuture.supplyAsync(() -> {
            try {
                ev.eval("{ System.setProperty(\"" + property + "\", \"1\"); " + body + " }");
                return null;
            } catch (EvaluationException e) {
                return e;
            }
        });
        while (System.getProperty(property) == null) {
            Thread.sleep(20);
        }
        ev.interrupt();
        return failure.get();
    }

    @Test
    void sleepingCell_isInterrupted_andStateSurvives() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (CellEvaluator ev = new CellEvaluator(List.of(), Optional.empty(), Duration.ofMillis(500))) {
                ev.eval("int kept = 41;");
                EvaluationException e = runAndInterrupt(ev, "ps.sleep", "Thread.sleep(600_000);");
                assertEquals(EvaluationException.Kind.INTERRUPTED, e.kind());
                assertEquals(42, ev.eval("kept + 1"));
            }
        });
    }

    @Test
    void busyLoopIgnoringInterrupts_isStoppedAfterGrace() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (CellEvaluator ev = new CellEvaluator(List.of(), Optional.empty(), Duration.ofMillis(500))) {
                ev.eval("long spins = 0;");
                EvaluationException e = runAndInterrupt(ev, "ps.busy", "while (true) { spins++; }");
                assertEquals(EvaluationException.Kind.INTERRUPTED, e.kind());
                assertEquals(true, (Long) ev.eval("spins") > 0);
                assertEquals(4, ev.eval("2 + 2"));
            }
        });
    }

    @Test
    void statementLongerThanTimeout_failsAndNextRuns() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (CellEvaluator ev =
                    new CellEvaluator(List.of(), Optional.of(Duration.ofMillis(300)), Duration.ofMillis(500))) {
                EvaluationException e = assertThrows(EvaluationException.class, () -> ev.eval("Thread.sleep(60_000);"));
                assertEquals(EvaluationException.Kind.TIMEOUT, e.kind());
                assertEquals(
                        "Evaluation timed out after 300 milliseconds.",
                        e.details().get(0));
                assertEquals(4, ev.eval("2 + 2"));
                // Still running when the stop grace of the timed-out statement ends: must not be stopped.
                assertEquals(5, ev.eval("Thread.sleep(250); Thread.sleep(250); Thread.sleep(250);\n5"));
            }
        });
    }

    @Test
    void interruptStopsTheRemainingSnippetsOfTheCell() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (CellEvaluator ev = new CellEvaluator(List.of(), Optional.empty(), Duration.ofMillis(500))) {
                ev.eval("int after = 0;");
                EvaluationException e = runAndInterrupt(
                        ev,
                        "ps.rest",
                        "try { Thread.sleep(600_000); } catch (InterruptedException swallowed) { } } after = 1; {");
                assertEquals(EvaluationException.Kind.INTERRUPTED, e.kind());
                assertEquals(0, ev.eval("after"));
            }
        });
    }
}
