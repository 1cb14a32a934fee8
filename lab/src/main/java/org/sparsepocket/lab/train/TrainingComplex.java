package org.sparsepocket.lab.train;

import java.util.Objects;
import org.sparsepocket.features.AtomFeatures;

/**
 * One featurized complex as the trainer sees it: protein heavy atom coordinates, their features and
 * binding-site labels, in the same atom order. Arrays are owned by this object; do not modify them.
 *
 * @param id       complex identifier (e.g. "1a2b"), unique within its data set
 * @param xyz      coordinates in Å, 3 per atom
 * @param features {@link AtomFeatures#COUNT} features per atom, row-major
 * @param labels   1 for a binding-site atom, 0 otherwise
 */
public record TrainingComplex(String id, double[] xyz, float[] features, byte[] labels) {

    public TrainingComplex {
        Objects.requireNonNull(id, "id");
        int n = labels.length;
        if (xyz.length != 3 * n || features.length != AtomFeatures.COUNT * n) {
            throw new IllegalArgumentException("complex " + id + ": inconsistent array sizes for " + n
                    + " atoms (xyz " + xyz.length + ", features " + features.length + ")");
        }
    }

    public int atomCount() {
        return labels.length;
    }

    public int positives() {
        int p = 0;
        for (byte b : labels) {
            p += b;
        }
        return p;
    }
}
