package org.sparsepocket.sparse.blocks;

import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.ops.SparseTensor;

/** Sparse blocks applied one after the other. */
public final class SparseSequential extends SparseBlock {

    public SparseSequential() {
        super((byte) 1);
    }

    /** Appends a block; returns this for chaining. */
    public SparseSequential add(SparseBlock block) {
        addChildBlock(block.getClass().getSimpleName(), block);
        return this;
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        SparseTensor y = x;
        for (Block child : getChildren().values()) {
            y = ((SparseBlock) child).forward(ps, y, training);
        }
        return y;
    }

    @Override
    public long outputChannels(long inputChannels) {
        long c = inputChannels;
        for (Block child : getChildren().values()) {
            c = ((SparseBlock) child).outputChannels(c);
        }
        return c;
    }
}
