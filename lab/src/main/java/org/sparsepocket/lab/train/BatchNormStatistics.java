package org.sparsepocket.lab.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.sparsepocket.model.ComplexInput;
import org.sparsepocket.model.PocketNetwork;
import org.sparsepocket.sparse.blocks.SparseBatchNorm;

/**
 * Recomputes the batch-norm running statistics of a network whose weights did not produce them
 * (an average of snapshots: each snapshot's statistics belong to its own weights). Forward passes in
 * training mode, without gradients; the k-th pass enters every layer's running mean and variance with
 * weight 1/k, so after n passes they are the equal-weight mean of the n passes' batch statistics
 * (PyTorch's {@code momentum=None}, as {@code torch.optim.swa_utils.update_bn} uses it). The
 * variance is PyTorch's: the unbiased variance of each batch.
 */
public final class BatchNormStatistics {

    private BatchNormStatistics() {
    }

    /**
     * Runs {@code passes} passes ({@code pass} gets 0 … passes−1 and must run one training-mode
     * forward of {@code root}) with cumulative running statistics, then restores training's update
     * rate. Returns the number of batch-norm layers updated.
     */
    public static int recompute(Block root, int passes, IntConsumer pass) {
        if (passes < 1) {
            throw new IllegalArgumentException("recomputing batch-norm statistics needs at least one pass");
        }
        List<SparseBatchNorm> layers = layers(root, new ArrayList<>());
        boolean gradMode = Autograd.isGradMode();
        Autograd.setGradMode(false);
        try {
            for (int k = 1; k <= passes; k++) {
                for (SparseBatchNorm layer : layers) {
                    layer.setUpdateRate(1f / k);
                }
                pass.accept(k - 1);
            }
        } finally {
            for (SparseBatchNorm layer : layers) {
                layer.setUpdateRate(SparseBatchNorm.DEFAULT_UPDATE_RATE);
            }
            Autograd.setGradMode(gradMode);
        }
        return layers.size();
    }

    /**
     * Recomputes a network's statistics over batches of complexes, one training-mode pass per batch
     * (dropout active, as when the statistics were gathered in training), the dropout masks of pass
     * k fixed by {@code seed}.
     */
    public static int recompute(PocketNetwork network, List<List<ComplexInput>> batches, long seed) {
        return recompute(network.block(), batches.size(), k -> {
            Trainer.seedDropout(seed, 0, k);
            try (NDManager step = network.manager().newSubManager()) {
                network.voxelLogits(step, network.batch(batches.get(k)), true);
            }
        });
    }

    private static List<SparseBatchNorm> layers(Block block, List<SparseBatchNorm> found) {
        if (block instanceof SparseBatchNorm bn) {
            found.add(bn);
        }
        for (Block child : block.getChildren().values()) {
            layers(child, found);
        }
        return found;
    }
}
