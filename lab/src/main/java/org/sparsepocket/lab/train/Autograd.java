package org.sparsepocket.lab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The few autograd controls DJL's engine-neutral API lacks. PyTorch's gradient mode is per thread
 * and on by default in a new thread, and DJL's GradientCollector restores the previous mode on
 * close, so the training thread switches it off once and lets the collector switch it on for the
 * forward/backward pass only; optimizer updates then run without building a graph.
 */
final class Autograd {

    private Autograd() {
    }

    static void setGradMode(boolean on) {
        Engine.getInstance(); // loads the native library on first use
        JniUtils.setGradMode(on);
    }

    static boolean isGradMode() {
        Engine.getInstance();
        return JniUtils.isGradMode();
    }

    /** Sets an array's accumulated gradient to zero in place (NaN-safe, unlike {@code g.subi(g)}). */
    static void zeroGrad(NDArray array) {
        JniUtils.zeroGrad((PtNDArray) array);
    }
}
