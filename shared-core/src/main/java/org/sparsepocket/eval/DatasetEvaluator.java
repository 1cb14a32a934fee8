package org.sparsepocket.eval;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;

/**
 * Evaluates one prediction source on every item of a dataset: loads the protein and its relevant
 * ligands, asks the source for ranked pockets, scores them. A bad item is recorded as a failure with
 * its one-line reason and the batch goes on.
 */
public final class DatasetEvaluator {

    /** Loads an item's protein and its relevant ligands (the truth). */
    public interface TruthLoader {
        Structure protein(DatasetItem item);

        List<Ligand> ligands(DatasetItem item, Structure protein);
    }

    /** Called after each item with the number done so far, the total and the item's id. */
    public interface Progress {
        void done(int done, int total, String id, String error);
    }

    private final TruthLoader loader;
    private final Evaluator evaluator;
    private final int threads;

    public DatasetEvaluator(TruthLoader loader, Evaluator evaluator, int threads) {
        this.loader = loader;
        this.evaluator = evaluator;
        this.threads = Math.max(1, threads);
    }

    public EvaluationRun run(List<DatasetItem> items, PredictionSource source, Progress progress) {
        EvaluationRun run = new EvaluationRun(source.tool(), evaluator);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (DatasetItem item : items) {
                pool.execute(() -> {
                    String error = evaluateOne(item, source, run);
                    progress.done(done.incrementAndGet(), items.size(), item.id(), error);
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // keep waiting: a slow item is not an error
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return run;
    }

    /** Returns null on success, else the failure message (also recorded in the run). */
    private String evaluateOne(DatasetItem item, PredictionSource source, EvaluationRun run) {
        try {
            Structure structure = loader.protein(item);
            List<Ligand> ligands = loader.ligands(item, structure);
            if (ligands.isEmpty()) {
                throw new EvaluationException(item.id() + ": no relevant ligand, nothing to evaluate against");
            }
            PredictionSource.Predicted p = source.predict(item, structure);
            run.add(GroundTruth.of(item.id(), p.atoms(), ligands), p.pockets(), p.atomScores());
            return null;
        } catch (RuntimeException e) {
            String msg = oneLine(item, e);
            run.fail(item.id(), msg);
            return msg;
        }
    }

    private static String oneLine(DatasetItem item, RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replace('\n', ' ');
        return m.contains(item.id()) ? m : item.id() + ": " + m;
    }
}
