package org.sparsepocket;

import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;

/**
 * The pocket settings a model card recommends: its fast or accurate section ({@code sparsepocket tune --apply}
 * chose them on the validation set) over {@link PocketSettings#DEFAULT}, whose values stand for any the
 * card leaves unset (an untuned card sets only its best-F1 threshold, or nothing). The CLI, Jmol and KNIME
 * all start from these.
 */
public final class RecommendedSettings {

    private RecommendedSettings() {
    }

    /**
     * The card's settings for its default (fast) rotation count.
     *
     * @throws PredictionException when the card names a scorer this version does not know or a value out of range
     */
    public static PocketSettings of(ModelCard card) {
        return of(card, card.inferenceRotations());
    }

    /**
     * The settings for probabilities averaged over {@code rotations} orientations: the accurate section's if
     * that is its count, else the fast section's ({@link ModelCard#pocketsFor}).
     *
     * @throws PredictionException when the card names a scorer this version does not know or a value out of range
     */
    public static PocketSettings of(ModelCard card, int rotations) {
        ModelCard.PocketDefaults p = card.pocketsFor(rotations);
        try {
            return new PocketOverrides(p.threshold(), p.eps(), p.minAtoms(), null, p.weightedCentre(), null,
                    p.scorer() == null ? null : PocketScorer.byName(p.scorer()), p.splitAbove())
                    .applyTo(PocketSettings.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new PredictionException("model card " + card.name() + ": " + e.getMessage(), e);
        }
    }

    /** The bundled model's recommended settings, read from its card only; {@link PocketSettings#DEFAULT} without one. */
    public static PocketSettings bundled() {
        return PocketModel.bundledCard().map(RecommendedSettings::of).orElse(PocketSettings.DEFAULT);
    }
}
