package org.parrotscope.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in the kernel's JVM on the thread that called {@code JShell.eval}, keeping the real
 * result object (JShell's default engine only hands back a string, and a separate JVM could not reach
 * {@code display()}). The thread running user code is published so the kernel can interrupt it.
 */
final class InProcessExecutionControl extends LocalExecutionControl {

    private volatile Thread userThread;
    private volatile long runningSince;
    private volatile Object lastValue;
    private final java.util.concurrent.atomic.AtomicLong invocations = new java.util.concurrent.atomic.AtomicLong();

    /** @return the provider JShell's builder takes */
    ExecutionControlProvider provider() {
        InProcessExecutionControl self = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "parrotscope-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return self;
            }
        };
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        invocations.incrementAndGet();
        runningSince = System.nanoTime();
        userThread = Thread.currentThread();
        try {
            Object value = doitMethod.invoke(null);
            lastValue = value;
            return valueString(value);
        } finally {
            userThread = null;
            runningSince = 0;
        }
    }

    /** @return the thread running user code now, or null between snippets */
    Thread userThread() {
        return userThread;
    }

    /** @return {@link System#nanoTime()} when the running snippet's code started, or 0 when none runs */
    long runningSince() {
        return runningSince;
    }

    /** @return a number identifying the current (or last) snippet run, to tell runs on one thread apart */
    long invocation() {
        return invocations.get();
    }

    /** @return the value the last snippet returned and clears it */
    Object takeLastValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    @Override
    public void stop() {
        // JShell's own stop stops a thread group this class never uses; the kernel stops userThread().
    }
}
