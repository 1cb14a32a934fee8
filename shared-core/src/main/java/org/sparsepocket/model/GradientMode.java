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

    /** Turns gradient recording off for the calling thread (a no-op for engines other than PyTorch). */
    static void disableForThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName()) && JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }
}
