package org.sparsepocket.eval;

import java.util.List;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Structure;

/**
 * Where the predictions being evaluated come from: SparsePocket run now, or another tool's files.
 * Implementations are safe to call from several threads.
 */
public interface PredictionSource {

    /** The tool's name in reports. */
    String tool();

    /**
     * The prediction for one dataset item.
     *
     * @param item      the dataset item
     * @param structure its protein, loaded by the project's loader
     * @throws EvaluationException (or PredictionException) with a one-line reason naming the item
     */
    Predicted predict(DatasetItem item, Structure structure);

    /**
     * A prediction with the atoms the truth is labelled on.
     *
     * @param atoms      protein atoms, in the order of {@code atomScores}
     * @param pockets    the ranked pockets
     * @param atomScores per-atom scores, or null when the tool gives none
     */
    record Predicted(List<Atom> atoms, RankedPockets pockets, float[] atomScores) {
    }
}
