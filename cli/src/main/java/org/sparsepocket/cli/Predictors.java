package org.sparsepocket.cli;

import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/** Opening the facade and building whole-structure settings for the evaluation commands. */
public final class Predictors {

    private Predictors() {
    }

    /**
     * Whole-structure settings: {@code base} (the model's recommended settings, as {@code predict}
     * uses them) with the given overrides (null = keep).
     *
     * @throws IllegalArgumentException for an invalid value
     */
    public static PredictionSettings settings(PocketSettings base, Double threshold, Double eps, Integer minSize,
                                       String scorer, Integer splitAbove) {
        return new PredictionSettings(ChainMode.whole(), pockets(base, threshold, eps, minSize, scorer, splitAbove));
    }

    /**
     * {@code base} with the clustering and ranking overrides every pocket command offers (null = keep).
     *
     * @throws IllegalArgumentException for an invalid value
     */
    static PocketSettings pockets(PocketSettings base, Double threshold, Double eps, Integer minSize, String scorer,
                                  Integer splitAbove) {
        PocketSettings p = base;
        if (threshold != null) {
            p = p.withThreshold(threshold);
        }
        if (eps != null) {
            p = p.withEps(eps);
        }
        if (minSize != null) {
            p = p.withMinAtoms(minSize);
        }
        if (scorer != null) {
            p = p.withScorer(PocketScorer.byName(scorer));
        }
        if (splitAbove != null) {
            p = p.withSplitAbove(splitAbove);
        }
        return p;
    }
}
