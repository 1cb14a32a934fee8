package org.sparsepocket.sparse.blocks;

import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.ops.SparseConvolution;
import org.sparsepocket.sparse.ops.SparseTensor;

/** 1x1x1 convolution, optionally with bias (the residual shortcut and the output head). */
public final class PointwiseConv extends SparseBlock {

    private final long out;
    private final Parameter weight;
    private final Parameter bias;

    public PointwiseConv(long in, long out, boolean withBias) {
        super((byte) 1);
        this.out = out;
        weight = addParameter(Weights.kernel(in, out, in));
        bias = withBias ? addParameter(Weights.vector("bias", Parameter.Type.BIAS, out, 0f, true)) : null;
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        SparseTensor y = SparseConvolution.pointwise(x, ps.getValue(weight, x.features().getDevice(), training));
        return bias == null ? y : y.withFeatures(y.features().add(ps.getValue(bias, x.features().getDevice(), training)));
    }

    @Override
    public long outputChannels(long inputChannels) {
        return out;
    }
}
