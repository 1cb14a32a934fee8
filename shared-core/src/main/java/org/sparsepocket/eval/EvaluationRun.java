package org.sparsepocket.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the per-protein evaluations of one tool over a dataset, with the atom scores needed for
 * the pooled average precision, and the items that could not be evaluated. Thread-safe: a batch may
 * add from several threads.
 */
public final class EvaluationRun {

    /** An item that could not be evaluated, with its one-line reason. */
    public record Failure(String proteinId, String message) {
    }

    private final String tool;
    private final Evaluator evaluator;
    private final List<ProteinEvaluation> evaluations = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private float[] pooledScores = new float[1 << 16];
    private boolean[] pooledLabels = new boolean[1 << 16];
    private int pooled;
    private boolean allScored = true;

    public EvaluationRun(String tool, Evaluator evaluator) {
        this.tool = tool;
        this.evaluator = evaluator;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /** Evaluates and records one protein; returns its evaluation. */
    public ProteinEvaluation add(GroundTruth truth, RankedPockets prediction, float[] atomScores) {
        ProteinEvaluation e = evaluator.evaluate(truth, prediction, atomScores);
        synchronized (this) {
            evaluations.add(e);
            if (atomScores == null) {
                allScored = false;
            } else {
                ensure(pooled + atomScores.length);
                System.arraycopy(atomScores, 0, pooledScores, pooled, atomScores.length);
                System.arraycopy(truth.atomLabels(), 0, pooledLabels, pooled, atomScores.length);
                pooled += atomScores.length;
            }
        }
        return e;
    }

    public synchronized void fail(String proteinId, String message) {
        failures.add(new Failure(proteinId, message));
    }

    /** Evaluations sorted by protein name (batch order is not deterministic). */
    public synchronized List<ProteinEvaluation> evaluations() {
        List<ProteinEvaluation> out = new ArrayList<>(evaluations);
        out.sort(Comparator.comparing(ProteinEvaluation::proteinId));
        return out;
    }

    public synchronized List<Failure> failures() {
        List<Failure> out = new ArrayList<>(failures);
        out.sort(Comparator.comparing(Failure::proteinId));
        return out;
    }

    public synchronized EvaluationSummary summary() {
        double pooledAp = allScored && pooled > 0 ? AveragePrecision.of(pooledScores, pooledLabels, pooled) : Double.NaN;
        return EvaluationSummary.of(tool, evaluator.criteria(), evaluations(), pooledAp);
    }

    private void ensure(int size) {
        if (size > pooledScores.length) {
            int cap = Math.max(size, pooledScores.length * 2);
            pooledScores = Arrays.copyOf(pooledScores, cap);
            pooledLabels = Arrays.copyOf(pooledLabels, cap);
        }
    }
}
