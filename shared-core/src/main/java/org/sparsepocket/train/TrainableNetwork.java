package org.sparsepocket.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

/**
 * What the trainer needs from the network: its parameters (a DJL block) and per-atom logits for one
 * complex. Implemented over the model package's network; the trainer never sees voxels or kernel maps.
 */
public interface TrainableNetwork {

    /** The block holding every parameter (saved in checkpoints, updated by the optimizer). */
    Block block();

    /**
     * One logit per atom, shape (atoms), for a complex whose atoms are at {@code xyz} (3 per atom, Å)
     * with {@code features} (row-major). Quantizes the coordinates itself; every array it creates
     * belongs to {@code manager} (a per-step sub-manager the caller closes).
     *
     * @param training true for a training pass (dropout on, batch-norm batch statistics)
     */
    NDArray atomLogits(NDManager manager, double[] xyz, float[] features, boolean training);
}
