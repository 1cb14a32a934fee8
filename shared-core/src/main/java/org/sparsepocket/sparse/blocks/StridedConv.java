package org.sparsepocket.sparse.blocks;

import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.ops.SparseConvolution;
import org.sparsepocket.sparse.ops.SparseTensor;

/** Stride-2 convolution (kernel 2 or 3) without bias, one level down. */
public final class StridedConv extends SparseBlock {

    private final long out;
    private final int kernel;
    private final Parameter weight;

    public StridedConv(long in, long out, int kernel) {
        super((byte) 1);
        if (kernel != 2 && kernel != 3) {
            throw new IllegalArgumentException("stride-2 kernel must be 2 or 3, got " + kernel);
        }
        this.out = out;
        this.kernel = kernel;
        long k3 = (long) kernel * kernel * kernel;
        weight = addParameter(Weights.kernel(k3 * in, out, k3 * in));
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        return SparseConvolution.strided(x, ps.getValue(weight, x.features().getDevice(), training), kernel);
    }

    @Override
    public long outputChannels(long inputChannels) {
        return out;
    }
}
