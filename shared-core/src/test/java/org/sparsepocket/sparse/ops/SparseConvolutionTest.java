package org.sparsepocket.sparse.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparsepocket.sparse.coords.CoordinateManager;
import org.sparsepocket.sparse.coords.VoxelKeys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every sparse op against a dense 3-D convolution written as plain loops, on random sparse grids of
 * two complexes (so any leak across the batch index would show).
 */
class SparseConvolutionTest {

    private static final int B = 2, NX = 7, NY = 6, NZ = 5, CIN = 3, COUT = 4;
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** A random sparse grid: active cells (sorted keys) and their features, dense copy alongside. */
    private record Grid(long[] keys, double[] features, DenseReference dense) {
    }

    private static Grid randomGrid(Random r, double occupancy) {
        List<Long> keys = new ArrayList<>();
        for (int b = 0; b < B; b++) {
            for (int x = 0; x < NX; x++) {
                for (int y = 0; y < NY; y++) {
                    for (int z = 0; z < NZ; z++) {
                        if (r.nextDouble() < occupancy) {
                            keys.add(VoxelKeys.pack(b, x, y, z));
                        }
                    }
                }
            }
        }
        long[] k = keys.stream().mapToLong(Long::longValue).toArray();
        DenseReference dense = new DenseReference(B, NX, NY, NZ, CIN);
        double[] f = new double[k.length * CIN];
        for (int i = 0; i < k.length; i++) {
            for (int c = 0; c < CIN; c++) {
                double v = r.nextGaussian();
                f[i * CIN + c] = v;
                dense.add(VoxelKeys.batch(k[i]), VoxelKeys.x(k[i]), VoxelKeys.y(k[i]), VoxelKeys.z(k[i]), c, v);
            }
        }
        return new Grid(k, f, dense);
    }

    private static double[][] randomWeight(Random r, int rows, int cols) {
        double[][] w = new double[rows][cols];
        for (double[] row : w) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return w;
    }

    private static NDArray nd(double[][] w) {
        return manager.create(w).toType(DataType.FLOAT64, false);
    }

    private static NDArray nd(double[] values, int rows, int cols) {
        return manager.create(values).reshape(rows, cols);
    }

    /** Compares sparse output rows (voxels of {@code keys}) with the dense result at those cells. */
    private static void assertMatches(DenseReference expected, long[] keys, NDArray actual) {
        double[] got = actual.toType(DataType.FLOAT64, false).toDoubleArray();
        int c = expected.channels;
        assertEquals(keys.length * c, got.length);
        for (int i = 0; i < keys.length; i++) {
            long k = keys[i];
            for (int o = 0; o < c; o++) {
                double want = expected.get(VoxelKeys.batch(k), VoxelKeys.x(k), VoxelKeys.y(k), VoxelKeys.z(k), o);
                assertEquals(want, got[i * c + o], 1e-9 * (1 + Math.abs(want)), "voxel " + i + " channel " + o);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0.15, GATHER_GEMM", "0.5, GATHER_GEMM", "1.0, GATHER_GEMM",
            "0.15, PER_OFFSET", "0.5, PER_OFFSET", "1.0, PER_OFFSET"})
    void submanifoldEqualsDenseConvolutionAtActiveSites(double occupancy, SparseConvolution.Algorithm algorithm) {
        Random r = new Random(11);
        Grid g = randomGrid(r, occupancy);
        double[][] w = randomWeight(r, 27 * CIN, COUT);
        CoordinateManager cm = new CoordinateManager(g.keys());
        KernelMaps maps = new KernelMaps(cm, manager);
        SparseTensor x = new SparseTensor(nd(g.features(), g.keys().length, CIN), 0, maps);
        NDArray out = SparseConvolution.submanifold(x, nd(w), algorithm).features();
        DenseReference dense = DenseReference.convolve(g.dense(), w, 3, -1, 1, COUT);
        assertMatches(dense, g.keys(), out);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void stridedEqualsDenseStridedConvolution(int kernel) {
        Random r = new Random(12 + kernel);
        Grid g = randomGrid(r, 0.3);
        double[][] w = randomWeight(r, kernel * kernel * kernel * CIN, COUT);
        CoordinateManager cm = new CoordinateManager(g.keys());
        KernelMaps maps = new KernelMaps(cm, manager);
        SparseTensor x = new SparseTensor(nd(g.features(), g.keys().length, CIN), 0, maps);
        SparseTensor y = SparseConvolution.strided(x, nd(w), kernel);
        assertEquals(1, y.level());
        DenseReference dense = DenseReference.convolve(g.dense(), w, kernel, kernel == 3 ? -1 : 0, 2, COUT);
        assertMatches(dense, cm.keys(1), y.features());
        // the output sites are exactly the cells holding at least one input voxel
        long[] expectedSites = Arrays.stream(g.keys()).map(k -> VoxelKeys.pack(VoxelKeys.batch(k),
                VoxelKeys.x(k) / 2, VoxelKeys.y(k) / 2, VoxelKeys.z(k) / 2)).distinct().sorted().toArray();
        assertEquals(Arrays.toString(expectedSites), Arrays.toString(cm.keys(1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void transposedEqualsDenseScatterConvolution(int kernel) {
        Random r = new Random(21 + kernel);
        Grid g = randomGrid(r, 0.3);
        CoordinateManager cm = new CoordinateManager(g.keys());
        KernelMaps maps = new KernelMaps(cm, manager);
        long[] coarse = cm.keys(1);
        DenseReference coarseDense = new DenseReference(B, (NX + 1) / 2, (NY + 1) / 2, (NZ + 1) / 2, CIN);
        double[] f = new double[coarse.length * CIN];
        for (int i = 0; i < coarse.length; i++) {
            for (int c = 0; c < CIN; c++) {
                f[i * CIN + c] = r.nextGaussian();
                coarseDense.add(VoxelKeys.batch(coarse[i]), VoxelKeys.x(coarse[i]), VoxelKeys.y(coarse[i]),
                        VoxelKeys.z(coarse[i]), c, f[i * CIN + c]);
            }
        }
        double[][] w;
        DenseReference.WeightSlice slice;
        if (kernel == 2) {
            double[][] w2 = randomWeight(r, CIN, 8 * COUT);
            w = w2;
            slice = (k, ci, co) -> w2[ci][k * COUT + co];
        } else {
            double[][] w3 = randomWeight(r, 27 * CIN, COUT);
            w = w3;
            slice = (k, ci, co) -> w3[k * CIN + ci][co];
        }
        SparseTensor x = new SparseTensor(nd(f, coarse.length, CIN), 1, maps);
        SparseTensor y = SparseConvolution.transposed(x, nd(w), kernel);
        assertEquals(0, y.level());
        DenseReference dense = DenseReference.transpose(coarseDense, slice, kernel, kernel == 3 ? -1 : 0, NX, NY, NZ, COUT);
        assertMatches(dense, g.keys(), y.features());
    }

    @Test
    void stridedThenTransposedCoverEveryLevelOfADeepPyramid() {
        Random r = new Random(5);
        Grid g = randomGrid(r, 0.4);
        CoordinateManager cm = new CoordinateManager(g.keys());
        KernelMaps maps = new KernelMaps(cm, manager);
        SparseTensor x = new SparseTensor(nd(g.features(), g.keys().length, CIN), 0, maps);
        for (int level = 0; level < 4; level++) {
            x = SparseConvolution.strided(x, nd(randomWeight(r, 27 * CIN, CIN)), 3);
        }
        // 7x6x5 cells shrink to one cell per complex by level 3
        assertEquals(B, cm.size(3));
        assertEquals(B, cm.size(4));
        for (int level = 4; level > 0; level--) {
            x = SparseConvolution.transposed(x, nd(randomWeight(r, CIN, 8 * CIN)), 2);
        }
        assertEquals(g.keys().length, x.features().getShape().get(0));
    }
}
