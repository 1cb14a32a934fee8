package org.sparsepocket.sparse.blocks;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.ops.SparseTensor;

/**
 * Batch norm over the active voxels of a batch (one statistic per channel over all voxels of all
 * complexes). Training mode normalizes with the batch statistics and updates the running ones
 * (momentum 0.1 as in PyTorch/MinkowskiEngine); inference uses the running statistics only, so a
 * complex's output never depends on the other complexes of its batch. A training batch with a single
 * voxel at some level (a very small protein at the coarsest level) has no variance to normalize by:
 * that level then uses the running statistics and leaves them unchanged.
 *
 * <p>The update rate of the running statistics is a setting of the layer (PyTorch's {@code momentum}):
 * recomputing them for averaged weights sets it to 1/k for the k-th pass, which makes them the
 * equal-weight mean of the passes' batch statistics ({@code org.sparsepocket.lab.train.BatchNormStatistics}).
 */
public final class SparseBatchNorm extends SparseBlock {

    private static final float EPSILON = 1e-5f;
    /** Weight of a training batch's statistics in the running ones (PyTorch's momentum 0.1). */
    public static final float DEFAULT_UPDATE_RATE = 0.1f;

    private volatile float updateRate = DEFAULT_UPDATE_RATE;

    private final long channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    public SparseBatchNorm(long channels) {
        super((byte) 1);
        this.channels = channels;
        gamma = addParameter(Weights.vector("gamma", Parameter.Type.GAMMA, channels, 1f, true));
        beta = addParameter(Weights.vector("beta", Parameter.Type.BETA, channels, 0f, true));
        runningMean = addParameter(Weights.vector("runningMean", Parameter.Type.RUNNING_MEAN, channels, 0f, false));
        runningVar = addParameter(Weights.vector("runningVar", Parameter.Type.RUNNING_VAR, channels, 1f, false));
    }

    /**
     * Sets the weight of the next training batches' statistics in the running statistics: 1 replaces
     * them, {@link #DEFAULT_UPDATE_RATE} is training's. Not for use while another thread trains.
     */
    public void setUpdateRate(float rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("update rate must be in (0, 1], got " + rate);
        }
        updateRate = rate;
    }

    public float updateRate() {
        return updateRate;
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor x, boolean training) {
        Device d = x.features().getDevice();
        boolean batchStatistics = training && x.features().getShape().get(0) > 1;
        return x.withFeatures(BatchNorm.batchNorm(x.features(),
                ps.getValue(runningMean, d, training), ps.getValue(runningVar, d, training),
                ps.getValue(gamma, d, training), ps.getValue(beta, d, training),
                // DJL's momentum is the weight of the old running value.
                1, 1 - updateRate, EPSILON, batchStatistics).singletonOrThrow());
    }

    @Override
    public long outputChannels(long inputChannels) {
        return channels;
    }
}
