package org.sparsepocket.lab.surface;

import java.util.List;

import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.surface.PointFeatures;
import org.sparsepocket.surface.SurfacePoints;

/**
 * One complex as {@code surface-cv} holds it: every surface point with its label and features (the network's
 * columns from out-of-fold probabilities, the propensity columns under the all-data table), the propensity
 * columns again under each fold's table, which points the training sample keeps, and the network's
 * out-of-fold pockets. Rows for a classifier are assembled from it per fold and feature set.
 *
 * @param foldPropensity per fold k, two values per point: the propensity columns under the table learned
 *                       without fold k
 */
record FoldComplex(String set, String id, int fold, GroundTruth truth, List<Atom> atoms, List<Pocket> network,
                   SurfacePoints points, boolean[] positive, boolean[] sampled, float[] features,
                   float[][] foldPropensity) {

    /** Where the two propensity columns sit in a feature row. */
    static final int PROPENSITY = AtomFeatures.COUNT + 5;

    /** Full rows (with the network's columns) per point. */
    static final int FULL = PointFeatures.WITH_NETWORK.size();

    int size() {
        return points.size();
    }

    int sampledCount() {
        int n = 0;
        for (boolean b : sampled) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * Writes point {@code i}'s row of {@code columns} features (the first columns of the full row) into {@code out}
     * at {@code at}, with the propensity columns of fold table {@code table} (-1 = the all-data table).
     */
    void row(int i, int columns, int table, float[] out, int at) {
        System.arraycopy(features, i * FULL, out, at, columns);
        if (table >= 0) {
            out[at + PROPENSITY] = foldPropensity[table][2 * i];
            out[at + PROPENSITY + 1] = foldPropensity[table][2 * i + 1];
        }
    }

    /** All points' rows, for scoring with fold {@code table}'s classifier. */
    float[] rows(int columns, int table) {
        float[] out = new float[size() * columns];
        for (int i = 0; i < size(); i++) {
            row(i, columns, table, out, i * columns);
        }
        return out;
    }
}
