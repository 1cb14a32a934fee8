package org.sparsepocket.sparse.blocks;

import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.ops.SparseTensor;

/** ReLU on every active voxel's features. */
public final class SparseReLU extends SparseBlock {

    public SparseReLU() {
        super((byte) 1);
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        return x.withFeatures(Activation.relu(x.features()));
    }

    @Override
    public long outputChannels(long inputChannels) {
        return inputChannels;
    }
}
