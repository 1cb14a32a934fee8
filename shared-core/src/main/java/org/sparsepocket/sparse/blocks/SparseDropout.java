package org.sparsepocket.sparse.blocks;

import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.ops.SparseTensor;

/** Dropout of individual features during training (scaled by 1/(1-rate)); identity in inference. */
public final class SparseDropout extends SparseBlock {

    private final float rate;

    public SparseDropout(float rate) {
        super((byte) 1);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        if (!training || rate == 0) {
            return x;
        }
        return x.withFeatures(Dropout.dropout(x.features(), rate, true).singletonOrThrow());
    }

    @Override
    public long outputChannels(long inputChannels) {
        return inputChannels;
    }
}
