package org.sparsepocket.lab.surface;

import java.util.List;

import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.surface.SurfacePoints;

/**
 * One complex as {@code surface-cv} holds it: every surface point with its label and features (the network's
 * columns from out-of-fold probabilities, the context columns, the propensity columns under the all-data table), the propensity
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

    /** Full rows per point ({@link FeatureSet#full()}: point features, network columns, context columns). */
    static final int FULL = FeatureSet.full().size();

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
     * Writes point {@code i}'s row of feature set {@code set} into {@code out} at {@code at}, with the propensity
     * columns of fold table {@code table} (-1 = the all-data table).
     */
    void row(int i, FeatureSet set, int table, float[] out, int at) {
        int from = i * FULL;
        for (int c : set.columns) {
            out[at++] = features[from + c];
        }
        at -= set.width();
        if (table >= 0) {   // every set starts with the point features, so the propensity columns sit alike
            out[at + PROPENSITY] = foldPropensity[table][2 * i];
            out[at + PROPENSITY + 1] = foldPropensity[table][2 * i + 1];
        }
    }

    /** Column {@code name} of the full rows ({@link FeatureSet#full()}), one value per point. */
    float[] column(String name) {
        int c = FeatureSet.full().indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = features[i * FULL + c];
        }
        return out;
    }

    /** All points' rows, for scoring with fold {@code table}'s classifier. */
    float[] rows(FeatureSet set, int table) {
        float[] out = new float[size() * set.width()];
        for (int i = 0; i < size(); i++) {
            row(i, set, table, out, i * set.width());
        }
        return out;
    }
}
