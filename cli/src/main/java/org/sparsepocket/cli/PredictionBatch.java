package org.sparsepocket.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sparsepocket.ErrorLines;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionProgress;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.output.OutputFolder;
import org.sparsepocket.output.PredictionReport;
import org.sparsepocket.output.PredictionWriter;
import org.sparsepocket.runtime.EngineThreads;
import org.sparsepocket.structure.Structure;

/**
 * Runs {@code predict} over many inputs on a pool of threads sharing one loaded predictor: each item is
 * loaded, predicted and (with an output folder) written on a worker thread; results are handed back in
 * input order. A failing item becomes an {@link Outcome} with a one-line error; the batch goes on.
 */
public final class PredictionBatch {

    /** One input: its label for messages, the stem of its output folder, and how to load it. */
    public record Item(String label, String stem, Supplier<Structure> structure) {
        public Item {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(stem, "stem");
            Objects.requireNonNull(structure, "structure");
        }
    }

    /** What became of one item: a report (and the folder written, if any), or an error line. */
    public record Outcome(Item item, PredictionReport report, Path folder, String error, long millis) {
        public boolean ok() {
            return error == null;
        }
    }

    private final PocketPredictor predictor;
    private final PredictionSettings settings;
    private final Path outDir;
    private final int threads;
    private final int nativeThreads;
    private final PredictionWriter writer = new PredictionWriter();
    private final Function<Item, PredictionProgress> stages;

    /**
     * @param outDir  where outputs go ({@code outDir/<stem>/}), or null to write nothing
     * @param threads worker threads (≥ 1)
     */
    public PredictionBatch(PocketPredictor predictor, PredictionSettings settings, Path outDir, int threads) {
        this(predictor, settings, outDir, threads, -1);
    }

    /**
     * @param nativeThreads intra-op threads each worker sets on itself before its first prediction, or
     *                      -1 to keep the engine's default
     */
    public PredictionBatch(PocketPredictor predictor, PredictionSettings settings, Path outDir, int threads,
                    int nativeThreads) {
        this(predictor, settings, outDir, threads, nativeThreads, item -> PredictionProgress.NONE);
    }

    /** @param stages where each item's prediction reports its stages (called on the worker thread) */
    public PredictionBatch(PocketPredictor predictor, PredictionSettings settings, Path outDir, int threads,
                    int nativeThreads, Function<Item, PredictionProgress> stages) {
        this.stages = Objects.requireNonNull(stages, "stages");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outDir = outDir;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1");
        }
        this.threads = threads;
        this.nativeThreads = nativeThreads;
    }

    /**
     * Runs every item; {@code onDone} is called on the calling thread, in input order; {@code progress}
     * (may be null) on worker threads as items finish, in completion order.
     */
    public void run(List<Item> items, Consumer<Outcome> onDone, Consumer<Outcome> progress) {
        if (items.isEmpty()) {
            return;
        }
        int pool = Math.min(threads, items.size());
        AtomicInteger id = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(pool, r -> {
            Thread t = new Thread(() -> {
                if (nativeThreads > 0) {
                    EngineThreads.setForThisThread(nativeThreads);
                }
                r.run();
            }, "predict-" + id.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(items.size());
            for (Item item : items) {
                futures.add(executor.submit(() -> {
                    Outcome o = one(item);
                    if (progress != null) {
                        progress.accept(o);
                    }
                    return o;
                }));
            }
            for (Future<Outcome> f : futures) {
                onDone.accept(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PredictionException("interrupted");
        } catch (ExecutionException e) {
            // one() catches everything an item can throw, so this is a bug in a callback
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    /** Loads, predicts and writes one item; never throws for a problem of the item itself. */
    Outcome one(Item item) {
        long t0 = System.nanoTime();
        try {
            Prediction prediction = predictor.predict(item.structure().get(), settings, stages.apply(item));
            PredictionReport report = new PredictionReport(prediction, settings, item.stem());
            Path folder = null;
            if (outDir != null) {
                try {
                    folder = writer.write(report, outDir);
                } catch (IOException e) {
                    return failed(item, "cannot write outputs to " + outDir.resolve(item.stem()) + ": "
                            + OutputFolder.describe(e), t0);
                }
            }
            return new Outcome(item, report, folder, null, millis(t0));
        } catch (RuntimeException | OutOfMemoryError e) {
            return new Outcome(item, null, null, ErrorLines.of(item.label(), e), millis(t0));
        }
    }

    private static Outcome failed(Item item, String message, long t0) {
        return new Outcome(item, null, null, errorLine(item.label(), message), millis(t0));
    }

    /** "{@code label}: problem" ({@link ErrorLines#forInput}). */
    static String errorLine(String label, String message) {
        return ErrorLines.forInput(label, message);
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
