package org.sparsepocket.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.sparsepocket.sparse.coords.VoxelBatch;
import org.sparsepocket.sparse.ops.KernelMaps;
import org.sparsepocket.sparse.ops.SparseTensor;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole network: parameter counts, gradients end to end, and that it can learn. */
class SparseUResNetTest {

    @Test
    void publishedConfigurationHasThePublishedParameterCount() {
        try (PocketNetwork network = PocketNetwork.create(NetworkConfig.PUBLISHED, Device.cpu())) {
            assertEquals(10_861_601L, network.learnedParameterCount());
        }
        NetworkConfig kernel2 = new NetworkConfig(18, 32, List.of(32, 48, 128, 128), List.of(2, 3, 1, 3),
                List.of(128, 128, 48, 32), List.of(3, 2, 1, 3), 2, 0.11, 1.0);
        try (PocketNetwork network = PocketNetwork.create(kernel2, Device.cpu())) {
            assertEquals(9_699_105L, network.learnedParameterCount());
        }
    }

    @Test
    void networkGradientMatchesFiniteDifferencesInDoublePrecision() {
        NetworkConfig config = new NetworkConfig(18, 4, List.of(4, 6), List.of(1, 1), List.of(6, 4), List.of(1, 1),
                3, 0.0, 1.0);
        ComplexInput complex = RandomComplexes.ball(120, 31);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SparseUResNet block = new SparseUResNet(config);
            block.initialize(manager, DataType.FLOAT64, new Shape(1, 18));
            PocketNetwork shapeOnly = PocketNetwork.create(config, Device.cpu());
            VoxelBatch batch = shapeOnly.batch(List.of(complex));
            shapeOnly.close();
            KernelMaps maps = new KernelMaps(batch.coordinates(), manager);
            int voxels = batch.voxelCount();
            double[] x = new double[voxels * 18];
            float[] f = batch.features();
            for (int i = 0; i < x.length; i++) {
                x[i] = f[i] + 0.1 * Math.sin(i); // break ties so no ReLU sits exactly at zero
            }
            double[] r = new Random(32).doubles(voxels).toArray();
            NDArray weights = manager.create(r);
            // training mode: batch statistics, so every input influences every output through BN
            double[] grad;
            try (NDManager step = manager.newSubManager()) {
                NDArray xs = step.create(x).reshape(voxels, 18);
                xs.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray out = block.forward(new ParameterStore(step, false), new SparseTensor(xs, 0, maps), true)
                            .features().reshape(-1);
                    gc.backward(out.mul(weights).sum());
                }
                grad = xs.getGradient().toDoubleArray();
            }
            Random pick = new Random(33);
            for (int n = 0; n < 20; n++) {
                int i = pick.nextInt(x.length);
                double saved = x[i];
                x[i] = saved + 1e-6;
                double plus = loss(block, manager, maps, x, voxels, weights);
                x[i] = saved - 1e-6;
                double minus = loss(block, manager, maps, x, voxels, weights);
                x[i] = saved;
                double numeric = (plus - minus) / 2e-6;
                assertEquals(numeric, grad[i], 1e-5 * (1 + Math.abs(numeric)), "d/dx[" + i + "]");
            }
        }
    }

    private static double loss(SparseUResNet block, NDManager manager, KernelMaps maps, double[] x, int voxels,
                               NDArray weights) {
        try (NDManager m = manager.newSubManager()) {
            NDArray out = block.forward(new ParameterStore(m, false),
                    new SparseTensor(m.create(x).reshape(voxels, 18), 0, maps), true).features().reshape(-1);
            return out.mul(weights).sum().getDouble();
        }
    }

    @Test
    void trainingReachesEveryParameterAndFitsATinyProblem() {
        try (PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), 41)) {
            ComplexInput complex = RandomComplexes.ball(300, 42);
            VoxelBatch batch = network.batch(List.of(complex, RandomComplexes.ball(250, 43)));
            float[] labels = new float[batch.atomCount()];
            for (int a = 0; a < labels.length; a++) {
                labels[a] = a % 7 == 0 ? 1f : 0f; // an arbitrary but learnable-by-memorization target
            }
            Optimizer adamW = Optimizer.adamW().optLearningRateTracker(Tracker.fixed(3e-3f)).build();
            double first = Double.NaN, last = Double.NaN;
            int arraysAfterFirstUpdate = -1;
            for (int stepIndex = 0; stepIndex < 40; stepIndex++) {
                if (stepIndex == 2) {
                    // the optimizer's state exists from the first update on; nothing may pile up after it
                    arraysAfterFirstUpdate = network.manager().getManagedArrays().size();
                }
                try (NDManager step = network.manager().newSubManager()) {
                    NDArray loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = network.atomLogits(step, batch, true);
                        assertEquals(batch.atomCount(), logits.size());
                        NDArray y = step.create(labels);
                        // binary cross-entropy with logits
                        loss = ai.djl.nn.Activation.relu(logits).sub(logits.mul(y))
                                .add(logits.abs().neg().exp().add(1).log()).mean();
                        gc.backward(loss);
                    }
                    double value = loss.getFloat();
                    if (stepIndex == 0) {
                        first = value;
                        for (Parameter p : network.parameters().values()) {
                            if (p.requiresGradient()) {
                                assertTrue(p.getArray().getGradient().abs().sum().getFloat() > 0,
                                        "no gradient reaches " + p.getName());
                            }
                        }
                    }
                    last = value;
                    for (Parameter p : network.parameters().values()) {
                        if (p.requiresGradient()) {
                            try (NDArray g = p.getArray().getGradient()) { // a new handle each call
                                adamW.update(p.getId(), p.getArray(), g);
                                g.subi(g);
                            }
                        }
                    }
                }
            }
            assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
            assertEquals(arraysAfterFirstUpdate, network.manager().getManagedArrays().size());
        }
    }
}
