package org.sparsepocket.table;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a function over a stream of inputs on several threads and hands the results to a sink in input
 * order, on the calling thread. Inputs are read on the calling thread too (table iterators are not
 * thread-safe), and only a small window of them is in flight, so memory stays bounded on big tables.
 * When the sink throws (a cancelled node, a row that must fail the node) the work not yet started is
 * cancelled, the work already running is finished (a prediction cannot be stopped half-way), and only
 * then does the exception propagate, unchanged: when {@link #run} returns or throws, no worker thread is
 * left running, so the caller may close what the work uses (the network).
 */
public final class OrderedParallel {

    /** Receives results in input order. */
    @FunctionalInterface
    public interface Sink<O> {
        void accept(O result) throws Exception;
    }

    private OrderedParallel() {
    }

    /**
     * @param threads 1 runs everything on the calling thread
     * @throws Exception whatever the sink throws, or what {@code work} threw (unwrapped)
     */
    public static <I, O> void run(Iterator<I> inputs, int threads, Function<I, O> work, Sink<O> sink)
            throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        if (threads == 1) {
            while (inputs.hasNext()) {
                sink.accept(work.apply(inputs.next()));
            }
            return;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        var count = new AtomicInteger();
        var workers = new ConcurrentLinkedQueue<Thread>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sparsepocket-row-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(context); // workers see what the caller sees (matters under OSGi)
            workers.add(t);
            return t;
        });
        var inFlight = new ArrayDeque<Future<O>>();
        int window = 2 * threads;
        try {
            while (true) {
                while (inFlight.size() < window && inputs.hasNext()) {
                    I in = inputs.next();
                    inFlight.add(pool.submit(() -> work.apply(in)));
                }
                if (inFlight.isEmpty()) {
                    return;
                }
                O result;
                try {
                    result = inFlight.removeFirst().get();
                } catch (ExecutionException e) {
                    throw rethrowable(e.getCause());
                }
                sink.accept(result);
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            awaitWorkers(pool, workers);
        }
    }

    /**
     * Waits until the running work is done and the worker threads have ended (the pool reports
     * termination while its last thread is still exiting); an interrupt (a cancel) is kept for the caller.
     */
    private static void awaitWorkers(ExecutorService pool, Iterable<Thread> workers) {
        boolean interrupted = false;
        while (!pool.isTerminated()) {
            try {
                pool.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Thread t : workers) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Exception rethrowable(Throwable t) {
        if (t instanceof Error err) {
            throw err;
        }
        return t instanceof Exception e ? e : new RuntimeException(t);
    }
}
