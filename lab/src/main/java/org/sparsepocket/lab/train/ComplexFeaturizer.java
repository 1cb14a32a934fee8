package org.sparsepocket.lab.train;

/**
 * Turns the files of one complex into what the trainer needs (atoms, features, labels). The version
 * string names everything that changes the output — feature code, label rule — and becomes part of
 * the cache key, so changing any of it rebuilds the cache.
 */
public interface ComplexFeaturizer {

    /**
     * @throws RuntimeException with a one-line message naming the file and the problem when the
     *                          complex cannot be read
     */
    TrainingComplex featurize(ComplexFiles files);

    /** Identifies the featurization (code version and settings), e.g. "features=3;labels=5.0". */
    String version();
}
