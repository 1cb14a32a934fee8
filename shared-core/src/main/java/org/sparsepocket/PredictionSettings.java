package org.sparsepocket;

import java.util.Objects;
import org.sparsepocket.model.TestTimeRotations;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/**
 * Everything a caller chooses for one prediction. Immutable.
 *
 * @param chainMode how the structure is split into complexes
 * @param pockets   clustering and ranking settings
 * @param rotations orientations the network's probabilities are averaged over for this prediction, or null
 *                  for the predictor's own count ({@link PocketPredictor#rotations()}); lets one loaded
 *                  network serve the fast and the accurate mode
 */
public record PredictionSettings(ChainMode chainMode, PocketSettings pockets, Integer rotations) {

    public static final PredictionSettings DEFAULT =
            new PredictionSettings(ChainMode.whole(), PocketSettings.DEFAULT);

    public PredictionSettings {
        Objects.requireNonNull(chainMode, "chainMode");
        Objects.requireNonNull(pockets, "pockets");
        if (rotations != null) {
            checkRotations(rotations);
        }
    }

    /**
     * The facade's range check of a rotation count (also used by {@link PocketPredictor}'s factories before
     * any loading). @throws PredictionException unless 1 ≤ n ≤ {@value TestTimeRotations#MAX}
     */
    static void checkRotations(int n) {
        try {
            TestTimeRotations.check(n);
        } catch (IllegalArgumentException e) {
            throw new PredictionException(e.getMessage(), e);
        }
    }

    /** Settings averaging over the predictor's own rotation count. */
    public PredictionSettings(ChainMode chainMode, PocketSettings pockets) {
        this(chainMode, pockets, null);
    }

    /** A copy averaging over {@code n} orientations (null: the predictor's count). */
    public PredictionSettings withRotations(Integer n) {
        return new PredictionSettings(chainMode, pockets, n);
    }

    /** A copy with other pocket settings, same chain mode and rotation count. */
    public PredictionSettings withPockets(PocketSettings p) {
        return new PredictionSettings(chainMode, p, rotations);
    }
}
