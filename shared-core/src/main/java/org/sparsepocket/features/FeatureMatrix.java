package org.sparsepocket.features;

/**
 * Per-atom features, row-major: row i holds the {@link AtomFeatures#COUNT} features of atom i.
 * The array is owned by this object; callers must not modify it.
 */
public record FeatureMatrix(int rows, float[] values) {

    public FeatureMatrix {
        if (values.length != rows * AtomFeatures.COUNT) {
            throw new IllegalArgumentException("expected " + rows * AtomFeatures.COUNT
                    + " values for " + rows + " atoms, got " + values.length);
        }
    }

    public float get(int atom, int feature) {
        return values[atom * AtomFeatures.COUNT + feature];
    }
}
