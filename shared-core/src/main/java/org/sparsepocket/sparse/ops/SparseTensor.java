package org.sparsepocket.sparse.ops;

import ai.djl.ndarray.NDArray;

/**
 * A sparse tensor: one feature row per active voxel of a level, plus the key into the batch's
 * coordinates (the level) and the kernel maps that go with them. The coordinates themselves are not
 * copied: they live once in the coordinate manager.
 *
 * @param features (size(level), channels)
 * @param level    0 for the input grid, {@code l} for tensor stride {@code 2^l}
 * @param maps     the batch's kernel maps
 */
public record SparseTensor(NDArray features, int level, KernelMaps maps) {

    public SparseTensor {
        long rows = features.getShape().get(0);
        if (rows != maps.size(level)) {
            throw new IllegalArgumentException("features have " + rows + " rows but level " + level + " has "
                    + maps.size(level) + " voxels");
        }
    }

    /** The same voxels with new features. */
    public SparseTensor withFeatures(NDArray newFeatures) {
        return new SparseTensor(newFeatures, level, maps);
    }

    public long channels() {
        return features.getShape().get(1);
    }
}
