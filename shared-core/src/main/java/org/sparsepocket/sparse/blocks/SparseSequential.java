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

    /**
     * In training every intermediate stays alive for the backward pass. In inference each child's
     * temporaries (gathers, products) are freed as soon as it returns, and each intermediate output as
     * soon as the next child has consumed it: the forward pass then reuses a few megabytes instead of
     * touching ~240 MB of fresh memory, which was most of a cold start's first prediction
     * (docs/speed.md). Values are unchanged; only their lifetime is shorter.
     */
    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        SparseTensor y = x;
        for (Block child : getChildren().values()) {
            if (training) {
                y = ((SparseBlock) child).forward(ps, y, true);
            } else {
                SparseTensor next = forwardFreeingTemporaries((SparseBlock) child, ps, y);
                if (y != x && next.features() != y.features()) {
                    y.features().close();
                }
                y = next;
            }
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
