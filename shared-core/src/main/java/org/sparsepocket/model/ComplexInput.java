package org.sparsepocket.model;

import org.sparsepocket.features.FeatureMatrix;

/**
 * One complex as the network sees it: atom coordinates and their features, in the same atom order.
 * Training applies its random rotation to {@code xyz} before building a batch.
 *
 * @param xyz      coordinates in Å, 3 per atom (x, y, z); owned by the caller, not modified
 * @param features one row of features per atom
 */
public record ComplexInput(double[] xyz, FeatureMatrix features) {

    public ComplexInput {
        if (xyz.length != 3 * features.rows()) {
            throw new IllegalArgumentException(xyz.length / 3.0 + " coordinate triples for " + features.rows()
                    + " feature rows");
        }
    }

    public int atomCount() {
        return features.rows();
    }
}
