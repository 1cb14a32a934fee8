package org.sparsepocket.cli;

import java.nio.file.Path;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/** Opening the facade and building whole-structure settings for the evaluation commands. */
final class Predictors {

    private Predictors() {
    }

    /** The shipped model, or the bundle in {@code modelDir}. */
    static PocketPredictor open(Path modelDir) {
        return modelDir == null ? PocketPredictor.open() : PocketPredictor.open(modelDir);
    }

    /** The default pocket settings with the given overrides (null = keep the default). */
    static PredictionSettings settings(Double threshold, Double eps, Integer minSize, String scorer) {
        PocketSettings p = PocketSettings.DEFAULT;
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
        return new PredictionSettings(ChainMode.whole(), p);
    }
}
