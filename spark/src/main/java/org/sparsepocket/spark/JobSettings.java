package org.sparsepocket.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.sparsepocket.PocketOverrides;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/**
 * What every executor needs to predict as the driver was told: which model, how many orientations, the
 * chain mode and the pocket overrides (null = the model card's recommended value; {@link PocketOverrides}).
 * Shipped to executors
 * inside the task closure, so it is a small immutable value.
 *
 * @param modelDir    a model bundle directory present on every executor, or null for the shipped model
 * @param accurate    the accurate mode (the card's accurate rotation count and its settings)
 * @param rotations   another orientation count, or null
 * @param chains      chain IDs to predict together, or null; with {@code eachChain} false
 */
record JobSettings(String modelDir, boolean accurate, Integer rotations, boolean eachChain, List<String> chains,
                   Double threshold, Double eps, Integer minSize, String scorer, Integer splitAbove,
                   Integer maxPockets, Double boxMargin, boolean weightedCentre) implements Serializable {

    JobSettings {
        chains = chains == null ? null : List.copyOf(chains);
        if (accurate && rotations != null) {
            throw new IllegalArgumentException("--accurate and --rotations exclude each other");
        }
        if (eachChain && chains != null) {
            throw new IllegalArgumentException("--each-chain and --chains exclude each other");
        }
    }

    /** The model, as the CLI's --model/--accurate/--rotations open it. */
    PocketPredictor open() {
        Path dir = modelDir == null ? null : Path.of(modelDir);
        if (accurate) {
            return dir == null ? PocketPredictor.openAccurate() : PocketPredictor.openAccurate(dir);
        }
        if (rotations == null) {
            return dir == null ? PocketPredictor.open() : PocketPredictor.open(dir);
        }
        return dir == null ? PocketPredictor.open(rotations) : PocketPredictor.open(dir, rotations);
    }

    /** Which loaded model these settings need: jobs with the same key share an executor's model. */
    ModelKey modelKey() {
        return new ModelKey(modelDir, accurate, rotations);
    }

    record ModelKey(String modelDir, boolean accurate, Integer rotations) {
    }

    /**
     * The settings of one prediction: the model's recommended pocket settings with the overrides on top,
     * and the predictor's rotation count (written into the outputs, as the CLI does).
     *
     * @throws IllegalArgumentException for an invalid override
     */
    PredictionSettings settings(PocketSettings recommended, int predictorRotations) {
        return new PredictionSettings(chainMode(), overrides().applyTo(recommended)).withRotations(predictorRotations);
    }

    /** The pocket options as shared-core's one partial-settings type (rebuilt where needed: it is not serializable). */
    PocketOverrides overrides() {
        return new PocketOverrides(threshold, eps, minSize, maxPockets, weightedCentre ? Boolean.TRUE : null, boxMargin,
                scorer == null ? null : PocketScorer.byName(scorer), splitAbove);
    }

    /** Usage check on the driver before any work. @throws IllegalArgumentException naming the bad value */
    void check() {
        settings(PocketSettings.DEFAULT, 1);
        if (rotations != null) {
            PredictionSettings.DEFAULT.withRotations(rotations);
        }
    }

    private ChainMode chainMode() {
        return eachChain ? ChainMode.eachChain() : chains != null ? ChainMode.chains(chains) : ChainMode.whole();
    }
}
