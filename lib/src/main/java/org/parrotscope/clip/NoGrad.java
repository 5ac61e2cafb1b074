package org.parrotscope.clip;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns autograd recording off on the current thread for inference, restoring it on close. PyTorch
 * keeps the grad mode per thread and DJL switches it off only on the thread that loaded the engine,
 * so inference on other threads would otherwise record graphs and hold activations.
 */
final class NoGrad implements AutoCloseable {

    private final boolean restore;

    NoGrad() {
        boolean pytorch = "PyTorch".equals(Engine.getInstance().getEngineName());
        restore = pytorch && JniUtils.isGradMode();
        if (restore) {
            JniUtils.setGradMode(false);
        }
    }

    @Override
    public void close() {
        if (restore) {
            JniUtils.setGradMode(true);
        }
    }
}
