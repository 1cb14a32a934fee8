package org.sparsepocket.sparse.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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

    /** How a submanifold convolution is computed; both give the same result. */
    public enum Algorithm {
        /** Gather all 27 neighbours (missing ones as zeros) into (N, 27 Cin), one GEMM. */
        GATHER_GEMM,
        /** Gather only existing pairs, one GEMM per offset, gather-and-sum per output. */
        PER_OFFSET
    }

    /**
     * Below this fraction of filled neighbourhood slots, {@link Algorithm#PER_OFFSET} does less work:
     * at 1 Å a protein fills ~10 % of the slots, at 2 Å ~30 %, at 4 Å and coarser ~70 %.
     */
    public static final double PER_OFFSET_BELOW_FILL = 0.5;

    /**
     * Submanifold 3x3x3 convolution: output only at the input's active voxels. Chooses the
     * algorithm by the level's neighbourhood fill.
     *
     * @param weight (27 * Cin, Cout)
     */
    public static SparseTensor submanifold(SparseTensor x, NDArray weight) {
        boolean sparse = x.maps().coordinates().submanifoldFill(x.level()) < PER_OFFSET_BELOW_FILL;
        return submanifold(x, weight, sparse ? Algorithm.PER_OFFSET : Algorithm.GATHER_GEMM);
    }

    /** Submanifold 3x3x3 convolution with a given algorithm. @param weight (27 * Cin, Cout) */
    public static SparseTensor submanifold(SparseTensor x, NDArray weight, Algorithm algorithm) {
        if (algorithm == Algorithm.GATHER_GEMM) {
            return x.withFeatures(gatherProduct(x.features(), x.maps().submanifold(x.level()), weight));
        }
        KernelMaps.Pairs pairs = x.maps().submanifoldPairs(x.level());
        long cin = x.channels();
        long cout = weight.getShape().get(1);
        NDList inputs = gather(x.features(), pairs.inputs()).split(pairs.splitPoints(), 0);
        NDList slices = inStep(x, weight.reshape(27, cin, cout)).split(27, 0);
        slices.attach(x.features().getManager());
        NDList products = new NDList(28);
        for (int k = 0; k < 27; k++) {
            if (pairs.groupSizes()[k] > 0) {
                products.add(inputs.get(k).matMul(inStep(x, slices.get(k).reshape(cin, cout))));
            }
        }
        products.add(x.features().getManager().zeros(new Shape(1, cout), weight.getDataType(), weight.getDevice()));
        NDArray all = NDArrays.concat(products, 0);
        return x.withFeatures(gather(all, pairs.slots()).sum(new int[]{1}));
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
        if (kernel != 2 && kernel != 3) {
            throw new IllegalArgumentException("transposed kernel must be 2 or 3, got " + kernel);
        }
        int fine = x.level() - 1;
        NDArray out;
        if (kernel == 2) {
            // Every fine voxel has exactly one parent and offset: multiply each parent by all 8 kernel
            // slices at once, then pick row parent * 8 + offset.
            long cout = weight.getShape().get(1) / 8;
            NDArray products = x.features().matMul(weight).reshape(-1, cout);
            out = gather(products, x.maps().transposed(fine, 2));
        } else {
            // A fine voxel has at most 8 of its 27 slots filled, and the coarse level is smaller:
            // multiply each parent by all 27 slices, then sum the (parent, slice) rows of each voxel.
            long cin = x.channels();
            long cout = weight.getShape().get(1);
            NDArray perSlice = inStep(x, weight.reshape(27, cin, cout));
            perSlice = inStep(x, perSlice.transpose(1, 0, 2)).reshape(cin, 27 * cout);
            NDArray products = withPadRow(x.features().matMul(perSlice).reshape(-1, cout));
            out = gather(products, x.maps().transposedSlots(fine)).sum(new int[]{1});
        }
        return new SparseTensor(out, fine, x.maps());
    }

    /**
     * Moves an array derived from a parameter (whose results DJL attaches to the parameters'
     * long-lived manager) into the forward pass's manager, so closing that manager frees it.
     */
    private static NDArray inStep(SparseTensor x, NDArray derived) {
        derived.attach(x.features().getManager());
        return derived;
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
