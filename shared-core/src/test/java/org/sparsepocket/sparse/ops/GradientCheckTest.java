package org.sparsepocket.sparse.ops;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparsepocket.sparse.coords.CoordinateManager;
import org.sparsepocket.sparse.coords.VoxelKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Autograd gradients of every sparse op (w.r.t. features and weights) against central finite
 * differences, in double precision, of the scalar loss sum(op(x, W) * R) for a fixed random R.
 */
class GradientCheckTest {

    private static final int CIN = 2, COUT = 3;
    private static final double STEP = 1e-6;
    /** Entries checked per array: enough to touch every kernel slice kind, few enough for CI. */
    private static final int CHECKED = 24;
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static long[] randomKeys(Random r) {
        List<Long> keys = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 4; y++) {
                    for (int z = 0; z < 4; z++) {
                        if (r.nextDouble() < 0.4) {
                            keys.add(VoxelKeys.pack(b, x, y, z));
                        }
                    }
                }
            }
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    /** Checks d loss / d features and d loss / d weight for one op. */
    private static void check(String op, KernelMaps maps, int inLevel, double[] x, long[] wShape,
                              BiFunction<SparseTensor, NDArray, SparseTensor> f, Random r) {
        int rows = maps.size(inLevel);
        double[] w = gaussian(r, (int) (wShape[0] * wShape[1]));
        // output size from one evaluation
        int outSize;
        try (NDManager probe = manager.newSubManager()) {
            outSize = (int) f.apply(tensor(probe, maps, inLevel, x, rows), probe.create(w).reshape(wShape))
                    .features().size();
        }
        double[] weightsOfLoss = gaussian(r, outSize);
        double[] gx;
        double[] gw;
        try (NDManager step = manager.newSubManager()) {
            NDArray xs = step.create(x).reshape(rows, CIN);
            NDArray ws = step.create(w).reshape(wShape);
            xs.setRequiresGradient(true);
            ws.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = f.apply(new SparseTensor(xs, inLevel, maps), ws).features();
                gc.backward(out.reshape(-1).mul(step.create(weightsOfLoss)).sum());
            }
            gx = xs.getGradient().toDoubleArray();
            gw = ws.getGradient().toDoubleArray();
        }
        for (int i : sample(r, x.length)) {
            double numeric = numeric(x, i, xv -> loss(maps, inLevel, xv, w, wShape, f, weightsOfLoss, rows));
            assertEquals(numeric, gx[i], 1e-5 * (1 + Math.abs(numeric)), op + ": d/dx[" + i + "]");
        }
        for (int i : sample(r, w.length)) {
            double numeric = numeric(w, i, wv -> loss(maps, inLevel, x, wv, wShape, f, weightsOfLoss, rows));
            assertEquals(numeric, gw[i], 1e-5 * (1 + Math.abs(numeric)), op + ": d/dW[" + i + "]");
        }
    }

    /** Up to {@value #CHECKED} distinct random indices below n (all of them when n is small). */
    private static int[] sample(Random r, int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, r);
        return all.stream().limit(CHECKED).mapToInt(Integer::intValue).toArray();
    }

    private static SparseTensor tensor(NDManager m, KernelMaps maps, int level, double[] x, int rows) {
        return new SparseTensor(m.create(x).reshape(rows, CIN), level, maps);
    }

    private static double loss(KernelMaps maps, int level, double[] x, double[] w, long[] wShape,
                               BiFunction<SparseTensor, NDArray, SparseTensor> f, double[] weightsOfLoss, int rows) {
        try (NDManager m = manager.newSubManager()) {
            NDArray out = f.apply(tensor(m, maps, level, x, rows), m.create(w).reshape(new Shape(wShape))).features();
            return out.reshape(-1).mul(m.create(weightsOfLoss)).sum().getDouble();
        }
    }

    private static double numeric(double[] v, int i, java.util.function.ToDoubleFunction<double[]> loss) {
        double saved = v[i];
        v[i] = saved + STEP;
        double plus = loss.applyAsDouble(v);
        v[i] = saved - STEP;
        double minus = loss.applyAsDouble(v);
        v[i] = saved;
        return (plus - minus) / (2 * STEP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"submanifold", "submanifoldPerOffset", "strided2", "strided3", "transposed2", "transposed3"})
    void gradientsMatchFiniteDifferences(String op) {
        Random r = new Random(op.hashCode());
        long[] keys = randomKeys(r);
        CoordinateManager cm = new CoordinateManager(keys);
        KernelMaps maps = new KernelMaps(cm, manager);
        switch (op) {
            case "submanifold" -> check(op, maps, 0, gaussian(r, cm.size(0) * CIN), new long[]{27 * CIN, COUT},
                    (x, w) -> SparseConvolution.submanifold(x, w, SparseConvolution.Algorithm.GATHER_GEMM), r);
            case "submanifoldPerOffset" -> check(op, maps, 0, gaussian(r, cm.size(0) * CIN),
                    new long[]{27 * CIN, COUT},
                    (x, w) -> SparseConvolution.submanifold(x, w, SparseConvolution.Algorithm.PER_OFFSET), r);
            case "strided2" -> check(op, maps, 0, gaussian(r, cm.size(0) * CIN), new long[]{8 * CIN, COUT},
                    (x, w) -> SparseConvolution.strided(x, w, 2), r);
            case "strided3" -> check(op, maps, 0, gaussian(r, cm.size(0) * CIN), new long[]{27 * CIN, COUT},
                    (x, w) -> SparseConvolution.strided(x, w, 3), r);
            case "transposed2" -> check(op, maps, 1, gaussian(r, cm.size(1) * CIN), new long[]{CIN, 8 * COUT},
                    (x, w) -> SparseConvolution.transposed(x, w, 2), r);
            case "transposed3" -> check(op, maps, 1, gaussian(r, cm.size(1) * CIN), new long[]{27 * CIN, COUT},
                    (x, w) -> SparseConvolution.transposed(x, w, 3), r);
            default -> throw new IllegalArgumentException(op);
        }
    }
}
