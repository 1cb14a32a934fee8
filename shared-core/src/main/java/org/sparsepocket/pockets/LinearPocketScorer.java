package org.sparsepocket.pockets;

import java.util.List;

/**
 * A learned pocket scorer: a weighted sum of the pocket's {@link PocketDescriptors}, the weights fitted on
 * validation proteins ({@code org.sparsepocket.eval.LearnedRanking}) so that, within each protein, a pocket
 * that finds the ligand scores highest. The weights are on the descriptors' own scales, so a score is
 * reproducible from the numbers alone. Not one of the named scorers ({@link PocketScorer#all()}): out of fold
 * it did not beat the tuned ones (docs/ranking-learned.md). Immutable.
 *
 * @param weights one per descriptor, in {@link PocketDescriptors#NAMES} order
 */
public record LinearPocketScorer(List<Double> weights) implements PocketScorer {

    /** The name under which settings, cards and the CLI refer to this scorer. */
    public static final String NAME = "learned";

    public LinearPocketScorer {
        weights = List.copyOf(weights);
        if (weights.size() != PocketDescriptors.NAMES.size()) {
            throw new IllegalArgumentException("the learned scorer needs " + PocketDescriptors.NAMES.size()
                    + " weights (" + String.join(", ", PocketDescriptors.NAMES) + "), got " + weights.size());
        }
        for (Double w : weights) {
            if (w == null || !Double.isFinite(w)) {
                throw new IllegalArgumentException("learned scorer weight is not a finite number: " + w);
            }
        }
    }

    /** A scorer with these weights (copied). */
    public static LinearPocketScorer of(double[] weights) {
        return new LinearPocketScorer(java.util.Arrays.stream(weights).boxed().toList());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(PocketContext pocket) {
        return score(PocketDescriptors.of(pocket));
    }

    /** The score of a pocket with these descriptors. */
    public double score(double[] descriptors) {
        double s = 0;
        for (int k = 0; k < descriptors.length; k++) {
            s += weights.get(k) * descriptors[k];
        }
        return s;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
