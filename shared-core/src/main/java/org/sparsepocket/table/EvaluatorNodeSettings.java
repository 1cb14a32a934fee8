package org.sparsepocket.table;

import org.sparsepocket.eval.DcaCriterion;
import org.sparsepocket.eval.DccCriterion;
import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.table.PredictorNodeSettings.Chains;

import java.util.List;

/**
 * What the Pocket Evaluator node's dialog sets. Structures are predicted whole (one complex), as the
 * benchmarks evaluate them.
 *
 * @param ownLigands    take the known ligands from the structure itself (its relevant het groups, see
 *                      {@code LigandFilter}) instead of a ligand column
 * @param cutoff        DCA and DCC distance cutoff, Å (4 Å is the field's standard)
 * @param threshold     atom probability threshold for pocket atoms, [0, 1], or null for the model's tuned one
 * @param minPocketSize smallest pocket kept, in atoms, or null for the model's tuned minimum
 * @param threads       structures evaluated at the same time
 * @param failOnError   whether a row that cannot be evaluated fails the node
 */
public record EvaluatorNodeSettings(boolean ownLigands, double cutoff, Double threshold, Integer minPocketSize,
                                    int threads, boolean failOnError) {

    /** Known ligands from the structure, 4 Å, the model's tuned threshold and minimum size. */
    public static final EvaluatorNodeSettings DEFAULT = new EvaluatorNodeSettings(true, 4.0, null, null, 1, false);

    /** @throws IllegalArgumentException with a one-line message naming the setting and the problem */
    public EvaluatorNodeSettings {
        if (!(cutoff > 0 && cutoff <= 20)) {
            throw new IllegalArgumentException("Distance cutoff: must be above 0 and at most 20 Å, got " + cutoff);
        }
        prediction(threshold, minPocketSize, threads, failOnError); // validates the rest
    }

    /** The prediction these settings ask for: whole structure, all pockets. */
    public PredictorNodeSettings prediction() {
        return prediction(threshold, minPocketSize, threads, failOnError);
    }

    /** DCA and DCC at the cutoff. */
    public Evaluator evaluator() {
        return new Evaluator(List.of(new DcaCriterion(cutoff), new DccCriterion(cutoff)));
    }

    private static PredictorNodeSettings prediction(Double threshold, Integer minPocketSize, int threads,
                                                    boolean failOnError) {
        return PredictorNodeSettings.DEFAULT.withThreshold(threshold).withMinPocketSize(minPocketSize)
                .withThreads(threads).withFailOnError(failOnError);
    }
}
