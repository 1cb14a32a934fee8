package org.sparsepocket.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Intra-op threads of the native engine. PyTorch keeps the count per thread (OpenMP) and new threads
 * adopt the last count set anywhere, so a caller that wants a given parallelism sets it on each of
 * its worker threads. On a machine shared with other work, one thread per caller avoids OpenMP
 * threads spinning while they wait for a core. The process-wide default comes from the
 * {@code ai.djl.pytorch.num_threads} system property or {@code OMP_NUM_THREADS}.
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    /** Sets the intra-op thread count for the calling thread (and threads created after it). */
    public static void setForThisThread(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be positive, got " + threads);
        }
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** The calling thread's intra-op thread count (1 for engines other than PyTorch). */
    public static int forThisThread() {
        return "PyTorch".equals(Engine.getInstance().getEngineName()) ? JniUtils.getNumThreads() : 1;
    }
}
