package org.sparsepocket.model;

import ai.djl.ndarray.NDManager;
import org.sparsepocket.sparse.coords.VoxelBatch;

import java.util.List;

/** Small configurations that run in milliseconds, for tests. */
public final class TinyNetworks {

    /** Two levels, every block kind, kernel-3 stride convs, dropout on (must vanish in inference). */
    public static final NetworkConfig TINY = new NetworkConfig(18, 8, List.of(8, 12), List.of(1, 1),
            List.of(12, 8), List.of(1, 1), 3, 0.11, 1.0);

    private TinyNetworks() {
    }

    /** A tiny network with random weights (seeded) and warmed batch-norm statistics, as a model with a bare card. */
    static PocketModel warmModel(long weightSeed, long statisticsSeed) {
        PocketNetwork network = PocketNetwork.create(TINY, ai.djl.Device.cpu(), weightSeed);
        warmRunningStatistics(network, statisticsSeed);
        return PocketModel.of(network, ModelCard.of("tiny", TINY, "test"));
    }

    /** Runs a few training-mode passes so batch-norm running statistics are no longer the defaults. */
    public static void warmRunningStatistics(PocketNetwork network, long seed) {
        for (int i = 0; i < 3; i++) {
            VoxelBatch batch = network.batch(List.of(RandomComplexes.ball(200 + 50 * i, seed + i)));
            try (NDManager step = network.manager().newSubManager()) {
                network.voxelLogits(step, batch, true);
            }
        }
    }
}
