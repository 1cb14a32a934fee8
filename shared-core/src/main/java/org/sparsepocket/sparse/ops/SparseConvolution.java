package org.sparsepocket.sparse.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

/**
 * Sparse convolutions as gather + one GEMM, differentiable through DJL's autograd.
 *
 * <p>Weights are plain matrices whose rows (or columns) follow the kernel-offset order of
 * {@link org.sparsepocket.sparse.coords.CoordinateManager}: for {@code K} offsets and {@code Cin}
 * input channels, row {@code k * Cin + c} multiplies channel {@code c} of the neighbour at offset
 * {@code k}. A missing neighbour reads a zero "pad" row appended to the features.
 */
public final class SparseConvolution {

    private SparseConvolution() {
    }

    /**
     * Submanifold 3x3x3 convolution: output only at the input's active voxels.
     *
     * @param weight (27 * Cin, Cout)
     */
    public static SparseTensor submanifold(SparseTensor x, NDArray weight) {
        NDArray map = x.maps().submanifold(x.level());
        return x.withFeatures(gatherProduct(x.features(), map, weight));
    }

    /**
     * Stride-2 convolution with a 2x2x2 (offsets 0..1) or 3x3x3 (offsets -1..1, centred) kernel from
     * level {@code l} to {@code l + 1}: output voxel {@code p} sums the inputs at {@code 2p + offset}.
     *
     * @param weight (kernel^3 * Cin, Cout)
     */
    public static SparseTensor strided(SparseTensor x, NDArray weight, int kernel) {
        NDArray map = x.maps().down(x.level(), kernel);
        return new SparseTensor(gatherProduct(x.features(), map, weight), x.level() + 1, x.maps());
    }

    /**
     * Stride-2 transposed convolution from level {@code l} to {@code l - 1}, the adjoint of
     * {@link #strided}: input voxel {@code p} feeds output voxel {@code c = 2p + offset} through the
     * offset's kernel slice. Outputs exist exactly at the finer level's active voxels.
     *
     * @param weight kernel 2: (Cin, 8 * Cout), column {@code k * Cout + o} for offset {@code k};
     *               kernel 3: (27 * Cin, Cout) as for {@link #strided}
     */
    public static SparseTensor transposed(SparseTensor x, NDArray weight, int kernel) {
        if (x.level() == 0) {
            throw new IllegalArgumentException("no finer level below level 0");
        }
        int fine = x.level() - 1;
        NDArray map = x.maps().transposed(fine, kernel);
        NDArray out;
        if (kernel == 2) {
            // Every fine voxel has exactly one parent and offset: multiply each parent by all 8 kernel
            // slices at once, then pick row parent * 8 + offset.
            long cout = weight.getShape().get(1) / 8;
            NDArray products = x.features().matMul(weight).reshape(-1, cout);
            out = gather(products, map);
        } else {
            out = gatherProduct(x.features(), map, weight);
        }
        return new SparseTensor(out, fine, x.maps());
    }

    /** 1x1x1 convolution: a matrix product per voxel. @param weight (Cin, Cout) */
    public static SparseTensor pointwise(SparseTensor x, NDArray weight) {
        return x.withFeatures(x.features().matMul(weight));
    }

    /**
     * Rows of {@code table} picked by {@code index} (any shape of INT64 indices): result shape is
     * index shape + (columns). PyTorch's embedding lookup, whose backward accumulates into repeated rows.
     */
    public static NDArray gather(NDArray table, NDArray index) {
        return Embedding.embedding(index, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /** Appends one zero row, the target of missing neighbours. */
    public static NDArray withPadRow(NDArray features) {
        NDArray zero = features.getManager().zeros(new Shape(1, features.getShape().get(1)), features.getDataType(),
                features.getDevice());
        return features.concat(zero, 0);
    }

    private static NDArray gatherProduct(NDArray features, NDArray map, NDArray weight) {
        long rows = map.getShape().get(0);
        long k = map.getShape().get(1);
        long cin = features.getShape().get(1);
        if (weight.getShape().get(0) != k * cin) {
            throw new IllegalArgumentException("weight " + weight.getShape() + " does not match " + k + " offsets x "
                    + cin + " channels");
        }
        NDArray gathered = gather(withPadRow(features), map).reshape(rows, k * cin);
        return gathered.matMul(weight);
    }
}
