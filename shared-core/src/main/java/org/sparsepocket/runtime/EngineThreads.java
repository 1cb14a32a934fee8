package org.sparsepocket.runtime;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Intra-op threads of the native engine. PyTorch keeps the count per thread (OpenMP) and new threads
 * adopt the last count set anywhere, so a caller that wants a given parallelism sets it on each of
 * its worker threads. The process-wide default comes from the {@code ai.djl.pytorch.num_threads}
 * system property or {@code OMP_NUM_THREADS}; {@link #configureDefault} chooses it when neither is set.
 *
 * <p>Why the choice matters: the network runs many small operations, each ending in an OpenMP barrier.
 * When an intra-op thread has no core of its own (another process keeps one busy), every barrier waits
 * for it to be scheduled, and with OpenMP's default spin-waiting the waiting threads burn the very core
 * it needs: on the 2-core development machine with one core busy, two threads made a warm prediction
 * 30 times slower than one (docs/speed.md).
 */
public final class EngineThreads {

    /** System property DJL reads once, when the PyTorch engine starts. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    /** System property for PyTorch's inter-op pool, which this network does not use. */
    public static final String INTEROP_PROPERTY = "ai.djl.pytorch.num_interop_threads";

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

    /**
     * Intra-op threads for each of {@code concurrentCalls} predictions running at once: the cores that
     * are idle (cores minus the 1-minute load average, rounded; all cores when the load is unknown),
     * split between the calls, at least one each. A batch with a worker per core thus gets one thread
     * per worker, and a single prediction gets both cores of an idle 2-core machine but one when
     * another process keeps a core busy.
     */
    public static int suggested(int concurrentCalls, int cores, OptionalDouble loadAverage) {
        if (concurrentCalls < 1 || cores < 1) {
            throw new IllegalArgumentException("calls and cores must be positive");
        }
        double busy = loadAverage.isPresent() ? Math.max(0, loadAverage.getAsDouble()) : 0;
        long idle = Math.round(cores - busy);
        return (int) Math.max(1, Math.min(cores, idle) / concurrentCalls);
    }

    /** One inter-op thread (the network does not use that pool), unless the user chose otherwise; before the engine starts. */
    public static void singleInteropThread() {
        if (System.getProperty(INTEROP_PROPERTY) == null) {
            System.setProperty(INTEROP_PROPERTY, "1");
        }
    }

    /**
     * Sets the process-wide default (see {@link #suggested}) for {@code concurrentCalls} callers on this
     * machine, unless the user chose one ({@value #THREADS_PROPERTY} or {@code OMP_NUM_THREADS}). Takes
     * effect only before the engine starts. Returns the count the engine will use, or -1 when the user's
     * choice stands.
     */
    public static int configureDefault(int concurrentCalls) {
        singleInteropThread();
        if (System.getProperty(THREADS_PROPERTY) != null || System.getenv("OMP_NUM_THREADS") != null) {
            return -1;
        }
        int n = suggested(concurrentCalls, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.setProperty(THREADS_PROPERTY, Integer.toString(n));
        return n;
    }

    /**
     * The 1-minute load average from {@code /proc/loadavg} (Linux), empty elsewhere. Read directly:
     * the management bean that also offers it costs a noticeable share of a cold start to initialise.
     */
    static OptionalDouble loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).strip();
            int space = s.indexOf(' ');
            return OptionalDouble.of(Double.parseDouble(space < 0 ? s : s.substring(0, space)));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }
}
