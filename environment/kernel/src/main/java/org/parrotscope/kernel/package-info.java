/**
 * ParrotScope's Jupyter kernel for Java: an IJava 1.3-compatible kernel on jupyter-jvm-basekernel 2.3.0.
 * User code runs in-process under JShell (so {@code display()} reaches the kernel and native libraries
 * load once), on an evaluation thread the kernel can interrupt.
 */
package org.parrotscope.kernel;
