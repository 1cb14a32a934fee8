package org.sparsepocket.sparse.blocks;

import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.ops.SparseConvolution;
import org.sparsepocket.sparse.ops.SparseTensor;

/** Stride-2 transposed convolution (kernel 2 or 3) without bias, one level up. */
public final class TransposedConv extends SparseBlock {

    private final long out;
    private final int kernel;
    private final Parameter weight;

    public TransposedConv(long in, long out, int kernel) {
        super((byte) 1);
        this.out = out;
        this.kernel = kernel;
        if (kernel == 2) {
            // each output voxel receives exactly one input voxel through one kernel slice
            weight = addParameter(Weights.kernel(in, 8 * out, in));
        } else if (kernel == 3) {
            // each output voxel receives up to 8 inputs: fan-in ~ 8 * in on average over a dense grid
            weight = addParameter(Weights.kernel(27 * in, out, 8 * in));
        } else {
            throw new IllegalArgumentException("transposed kernel must be 2 or 3, got " + kernel);
        }
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        return SparseConvolution.transposed(x, ps.getValue(weight, x.features().getDevice(), training), kernel);
    }

    @Override
    public long outputChannels(long inputChannels) {
        return out;
    }
}
