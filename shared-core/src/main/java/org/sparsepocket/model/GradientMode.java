package org.sparsepocket.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's autograd switch, which is per thread and on by default in every new thread: inference
 * threads must turn it off, or every forward pass records a graph it never frees early.
 */
final class GradientMode {

    private GradientMode() {
    }

    /**
     * Turns gradient recording off for the calling thread and returns whether it was on, for
     * {@link #restore} (always false for engines other than PyTorch, which have no such switch).
     */
    static boolean disableForThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName()) && JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
            return true;
        }
        return false;
    }

    /** Turns recording back on if {@link #disableForThisThread} found it on. */
    static void restore(boolean wasOn) {
        if (wasOn) {
            JniUtils.setGradMode(true);
        }
    }
}
