package org.sparsepocket.sparse.blocks;

import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.ops.SparseConvolution;
import org.sparsepocket.sparse.ops.SparseTensor;

/** Submanifold 3x3x3 convolution without bias (a batch norm follows it). */
public final class SubmanifoldConv extends SparseBlock {

    private final long in;
    private final long out;
    private final Parameter weight;

    public SubmanifoldConv(long in, long out) {
        super((byte) 1);
        this.in = in;
        this.out = out;
        weight = addParameter(Weights.kernel(27 * in, out, 27 * in));
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        return SparseConvolution.submanifold(x, ps.getValue(weight, x.features().getDevice(), training));
    }

    @Override
    public long outputChannels(long inputChannels) {
        return out;
    }

    @Override
    public String toString() {
        return "SubmanifoldConv(" + in + "->" + out + ")";
    }
}
