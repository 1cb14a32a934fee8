package org.sparsepocket;

import org.sparsepocket.structure.Structure;

/**
 * The one way KNIME, Jmol and the CLI ask for pockets: structure in, per-atom probabilities and
 * ranked pockets out. Implementations hold one loaded network and are safe to share between threads.
 */
public interface PocketPredictor extends AutoCloseable {

    /**
     * Predicts pockets for every complex of the structure.
     *
     * @throws PredictionException with a one-line message naming the structure and the problem
     */
    Prediction predict(Structure structure, PredictionSettings settings);

    /** Releases the network's native memory. */
    @Override
    void close();
}
