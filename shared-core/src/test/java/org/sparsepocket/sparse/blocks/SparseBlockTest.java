package org.sparsepocket.sparse.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;
import org.sparsepocket.sparse.coords.CoordinateManager;
import org.sparsepocket.sparse.coords.VoxelKeys;
import org.sparsepocket.sparse.ops.KernelMaps;
import org.sparsepocket.sparse.ops.SparseTensor;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The blocks through DJL's generic forward and their parameter bookkeeping. */
class SparseBlockTest {

    @Test
    void genericDjlForwardEqualsTheSparseForward() {
        try (NDManager manager = NDManager.newBaseManager()) {
            long[] keys = new long[30];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = VoxelKeys.pack(0, i / 12, (i / 4) % 3, i % 4); // sorted: x slowest
            }
            KernelMaps maps = new KernelMaps(new CoordinateManager(keys), manager);
            BasicBlock block = new BasicBlock(3, 5);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            NDArray x = manager.randomNormal(new Shape(keys.length, 3));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray typed = block.forward(ps, new SparseTensor(x, 0, maps), false).features();
            NDArray generic = block.forward(ps, new NDList(x), false,
                    new PairList<>(Map.of(SparseBlock.MAPS, maps, SparseBlock.LEVEL, 0))).singletonOrThrow();
            assertArrayEquals(typed.toFloatArray(), generic.toFloatArray());
            assertEquals(new Shape(keys.length, 5), generic.getShape());
            assertThrows(IllegalArgumentException.class, () -> block.forward(ps, new NDList(x), false));
        }
    }

    @Test
    void parametersHaveTheGemmShapesAndRunningStatisticsNeedNoGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BasicBlock block = new BasicBlock(3, 5);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            long learned = block.getParameters().values().stream().filter(p -> p.requiresGradient())
                    .mapToLong(p -> p.getShape().size()).sum();
            // conv 27*3*5 + conv 27*5*5 + shortcut 3*5 + three batch norms (gamma, beta) of 5
            assertEquals(27 * 3 * 5 + 27 * 5 * 5 + 3 * 5 + 3 * 2 * 5, learned);
            assertEquals(6, block.getParameters().values().stream().filter(p -> !p.requiresGradient()).count());
        }
    }
}
