package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class OrderedParallelTest {

    @Test
    void resultsArriveInInputOrderWhateverTheFinishingOrder() throws Exception {
        List<Integer> in = IntStream.range(0, 200).boxed().toList();
        var threadsUsed = ConcurrentHashMap.<String>newKeySet();
        var out = new ArrayList<Integer>();
        OrderedParallel.run(in.iterator(), 4, i -> {
            threadsUsed.add(Thread.currentThread().getName());
            sleep((i * 7919) % 5); // later inputs often finish first
            return i * i;
        }, out::add);
        assertEquals(in.stream().map(i -> i * i).toList(), out);
        assertTrue(threadsUsed.size() > 1, "work ran on " + threadsUsed);
    }

    @Test
    void onlyAWindowOfInputsIsInFlight() throws Exception {
        var read = new AtomicInteger();
        var maxAhead = new AtomicInteger();
        var consumed = new AtomicInteger();
        var it = IntStream.range(0, 100).boxed().map(i -> {
            read.incrementAndGet();
            return i;
        }).iterator();
        OrderedParallel.run(it, 3, i -> i, r -> {
            consumed.incrementAndGet();
            maxAhead.accumulateAndGet(read.get() - consumed.get(), Math::max);
        });
        assertEquals(100, consumed.get());
        assertTrue(maxAhead.get() <= 6, "read ahead " + maxAhead.get());
    }

    @Test
    void aSinkExceptionStopsTheRunAndPropagates() {
        var started = new AtomicInteger();
        var cancel = new Exception("cancelled");
        var thrown = assertThrows(Exception.class, () -> OrderedParallel.run(
                IntStream.range(0, 1000).boxed().iterator(), 2, i -> {
                    started.incrementAndGet();
                    return i;
                }, r -> {
                    if (r == 5) {
                        throw cancel;
                    }
                }));
        assertSame(cancel, thrown);
        assertTrue(started.get() < 20, started.get() + " inputs started");
    }

    @Test
    void aWorkExceptionPropagatesUnwrapped() {
        var boom = new IllegalStateException("boom");
        for (int threads : new int[] {1, 3}) {
            var thrown = assertThrows(IllegalStateException.class, () -> OrderedParallel.run(
                    List.of(1, 2, 3).iterator(), threads, i -> {
                        if (i == 2) {
                            throw boom;
                        }
                        return i;
                    }, r -> { }));
            assertSame(boom, thrown);
        }
    }

    /**
     * Found by the KNIME audit: after a cancel the run returned while workers were still predicting, so
     * the node closed the network under them and their threads outlived the node's execution.
     */
    @Test
    void whenTheSinkThrowsNoWorkIsStillRunningAfterwards() {
        var running = new AtomicInteger();
        var finishedAfterReturn = new AtomicInteger();
        var returned = new java.util.concurrent.atomic.AtomicBoolean();
        var cancel = new Exception("cancelled");
        var thrown = assertThrows(Exception.class, () -> OrderedParallel.run(
                IntStream.range(0, 50).boxed().iterator(), 3, i -> {
                    running.incrementAndGet();
                    long end = System.nanoTime() + 200_000_000L * (i % 3 + 1); // deaf to interrupts, like a forward pass
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    if (returned.get()) {
                        finishedAfterReturn.incrementAndGet();
                    }
                    running.decrementAndGet();
                    return i;
                }, r -> {
                    if (r == 0) {
                        throw cancel;
                    }
                }));
        returned.set(true);
        assertSame(cancel, thrown);
        assertEquals(0, running.get(), "work still running after the run threw");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("sparsepocket-row") && t.isAlive()),
                "worker threads alive when the run threw");
        sleep(700);
        assertEquals(0, finishedAfterReturn.get());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("sparsepocket-row") && t.isAlive()),
                "worker threads outlived the run");
    }

    @Test
    void workersInheritTheCallersContextClassLoader() throws Exception {
        ClassLoader marker = new ClassLoader(getClass().getClassLoader()) { };
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(marker);
        try {
            var seen = new ArrayList<ClassLoader>();
            OrderedParallel.run(List.of(1, 2, 3, 4).iterator(), 2,
                    i -> Thread.currentThread().getContextClassLoader(), seen::add);
            seen.forEach(cl -> assertSame(marker, cl));
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
