package org.sparsepocket.sparse.coords;

/**
 * How atoms become voxels once their coordinates are shifted by the per-axis minimum and divided by the
 * voxel size. Both keep one voxel per occupied cell; they differ in the rounding and in which features
 * a cell with several atoms gets.
 */
public enum Quantization {

    /** Round half up; a cell's features are the mean of its atoms' (this project's models). */
    MEAN,

    /**
     * Round half to even and keep the first atom of each cell, as the published PUResNetV2.0 inputs were
     * made ({@code numpy.round} then {@code numpy.unique(..., return_index=True)}): weights trained on
     * those inputs see the same voxels and features.
     */
    FIRST_ATOM;

    /** The grid cell of a shifted, scaled coordinate. */
    double round(double scaled) {
        return this == FIRST_ATOM ? Math.rint(scaled) : Math.floor(scaled + 0.5);
    }
}
