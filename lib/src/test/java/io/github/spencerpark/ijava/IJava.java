package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;

/**
 * Stand-in with the exact static accessor of upstream IJava 1.3's {@code io.github.spencerpark.ijava.IJava}
 * (IJava is not published on Maven Central), so the test of {@code Notebook}'s IJava lookup runs against
 * the same reflective contract. Returns null unless a test sets a kernel.
 */
public final class IJava {
    private static volatile BaseKernel kernel;

    private IJava() {}

    /** @return the kernel, as IJava's own method */
    public static BaseKernel getKernelInstance() {
        return kernel;
    }

    /** @param k the kernel to return, or null */
    public static void setKernelForTest(BaseKernel k) {
        kernel = k;
    }
}
