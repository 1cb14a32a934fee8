package org.sparsepocket;

import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;

/**
 * The pocket settings a model card recommends: those {@code sparsepocket tune --apply} chose on the
 * validation set, or, for an untuned card, {@link PocketSettings#DEFAULT} with the card's best-F1 threshold
 * if it has one. The CLI, Jmol and KNIME all start from these.
 */
public final class RecommendedSettings {

    private RecommendedSettings() {
    }

    /**
     * The card's settings for its default rotation count.
     *
     * @throws PredictionException when the card names a scorer this version does not know
     */
    public static PocketSettings of(ModelCard card) {
        return of(card, card.inferenceRotations());
    }

    /**
     * The settings for probabilities averaged over {@code rotations} orientations: the card's entry tuned for
     * that count if it has one ({@link ModelCard#pocketsFor}), else its default settings.
     *
     * @throws PredictionException when the card names a scorer this version does not know
     */
    public static PocketSettings of(ModelCard card, int rotations) {
        ModelCard.PocketDefaults tuned = card.pocketsFor(rotations);
        if (tuned != null) {
            PocketScorer scorer;
            try {
                scorer = PocketScorer.byName(tuned.scorer());
            } catch (IllegalArgumentException e) {
                throw new PredictionException("model card " + card.name() + ": " + e.getMessage(), e);
            }
            return PocketSettings.DEFAULT.withThreshold(tuned.threshold()).withEps(tuned.eps())
                    .withMinAtoms(tuned.minAtoms()).withScorer(scorer)
                    .withProbabilityWeightedCenter(tuned.weightedCentre()).withSplitAbove(tuned.splitAbove());
        }
        Double t = card.threshold();
        return t == null ? PocketSettings.DEFAULT : PocketSettings.DEFAULT.withThreshold(t);
    }

    /** The bundled model's recommended settings, read from its card only; {@link PocketSettings#DEFAULT} without one. */
    public static PocketSettings bundled() {
        return PocketModel.bundledCard().map(RecommendedSettings::of).orElse(PocketSettings.DEFAULT);
    }
}
