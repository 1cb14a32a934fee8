package org.sparsepocket.sparse.blocks;

import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.ops.SparseTensor;

/**
 * The residual basic block of ResNet on sparse tensors: conv3-BN-ReLU-conv3-BN plus the input
 * (through a 1x1 conv + BN when the channel count changes), then ReLU.
 */
public final class BasicBlock extends SparseBlock {

    private final long out;
    private final SparseSequential body;
    private final SparseSequential shortcut;

    public BasicBlock(long in, long out) {
        super((byte) 1);
        this.out = out;
        body = addChildBlock("body", new SparseSequential()
                .add(new SubmanifoldConv(in, out)).add(new SparseBatchNorm(out)).add(new SparseReLU())
                .add(new SubmanifoldConv(out, out)).add(new SparseBatchNorm(out)));
        shortcut = in == out ? null : addChildBlock("shortcut", new SparseSequential()
                .add(new PointwiseConv(in, out, false)).add(new SparseBatchNorm(out)));
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        SparseTensor y = body.forward(ps, x, training);
        SparseTensor residual = shortcut == null ? x : shortcut.forward(ps, x, training);
        return y.withFeatures(Activation.relu(y.features().add(residual.features())));
    }

    @Override
    public long outputChannels(long inputChannels) {
        return out;
    }
}
