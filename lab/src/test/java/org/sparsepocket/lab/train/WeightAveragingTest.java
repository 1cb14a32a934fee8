package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.model.ComplexInput;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;
import org.sparsepocket.sparse.blocks.SparseBatchNorm;
import org.sparsepocket.sparse.coords.CoordinateManager;
import org.sparsepocket.sparse.coords.VoxelKeys;
import org.sparsepocket.sparse.ops.KernelMaps;
import org.sparsepocket.sparse.ops.SparseTensor;

/**
 * Weight averaging on a tiny network: the average of two snapshots (a checkpoint and a parameter
 * file) is their element-wise mean, snapshots of another architecture or run are refused, and the
 * batch-norm statistics recomputed for the average are the equal-weight mean of the passes' batch
 * statistics (checked by hand on one layer) and differ from every input's.
 */
class WeightAveragingTest {

    private static final NetworkConfig TINY = NetworkConfig.PUBLISHED.widthScaled(0.125);
    private static final TrainingSettings SETTINGS = new TrainingSettings(3, 10, 5, 2, AdamW.Settings.PUBLISHED,
            false, FocalLoss.PUBLISHED, LabelRule.DEFAULT, true, true);

    @TempDir
    Path dir;

    /** A complex of random atoms in a 12 Å box (real forward passes; only the statistics matter here). */
    private static ComplexInput randomComplex(long seed, int atoms) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] xyz = new double[3 * atoms];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = r.nextDouble(12);
        }
        float[] f = new float[atoms * AtomFeatures.COUNT];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextDouble();
        }
        return new ComplexInput(xyz, new FeatureMatrix(atoms, f));
    }

    /** A network whose running statistics have moved away from 0/1 by some training-mode passes. */
    private static PocketNetwork trainedStatistics(NetworkConfig config, long seed) {
        PocketNetwork n = PocketNetwork.create(config, Device.cpu(), seed);
        List<List<ComplexInput>> batches = List.of(List.of(randomComplex(seed, 300), randomComplex(seed + 1, 200)));
        boolean mode = Autograd.isGradMode();
        Autograd.setGradMode(false);
        try (NDManager step = n.manager().newSubManager()) {
            n.voxelLogits(step, n.batch(batches.get(0)), true);
        } finally {
            Autograd.setGradMode(mode);
        }
        return n;
    }

    private static List<float[]> values(PocketNetwork n) {
        List<float[]> v = new ArrayList<>();
        for (Parameter p : n.parameters().values()) {
            v.add(p.getArray().toFloatArray());
        }
        return v;
    }

    private Path saveParams(PocketNetwork n, String name) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f))) {
            n.saveWeights(out);
        }
        return f;
    }

    private Path saveCheckpoint(PocketNetwork n, String name, TrainingState state) {
        Path f = dir.resolve(name);
        Checkpoint.save(f, state, n.block(), new AdamW(SETTINGS.optimizer(), List.copyOf(n.parameters().values()),
                n.manager()));
        return f;
    }

    private static TrainingState endOfEpoch(int epoch, String settingsHash) {
        return new TrainingState(epoch + 1, 0, 100L * epoch, 0, 0.1, epoch, 0, 60.0 * epoch, settingsHash);
    }

    @Test
    void averageOfTwoSnapshotsIsTheElementwiseMeanOfTheirParameters() throws IOException {
        List<float[]> a, b;
        Path fa, fb;
        try (PocketNetwork na = trainedStatistics(TINY, 11); PocketNetwork nb = trainedStatistics(TINY, 12)) {
            a = values(na);
            b = values(nb);
            fa = saveCheckpoint(na, "epoch4.sptk", endOfEpoch(4, SETTINGS.hash()));
            fb = saveParams(nb, "best.params");
        }
        try (PocketNetwork avg = PocketNetwork.create(TINY, Device.cpu())) {
            List<WeightAveraging.Snapshot> s = WeightAveraging.average(List.of(fa, fb), avg, SETTINGS.hash());
            assertEquals(4, s.get(0).completedEpoch());
            assertEquals("end of epoch 4", s.get(0).describe());
            assertNull(s.get(1).state());
            assertEquals(Hashes.sha256(fb), s.get(1).sha256());
            List<float[]> got = values(avg);
            boolean differs = false;
            for (int i = 0; i < got.size(); i++) {
                float[] mean = new float[got.get(i).length];
                for (int j = 0; j < mean.length; j++) {
                    mean[j] = (a.get(i)[j] + b.get(i)[j]) / 2;
                    differs |= a.get(i)[j] != b.get(i)[j];
                }
                assertArrayEquals(mean, got.get(i), 1e-7f, "parameter " + i);
            }
            assertTrue(differs, "the two snapshots should differ");
        }
    }

    @Test
    void snapshotsOfAnotherArchitectureOrRunAreRefusedWithOneLine() throws IOException {
        Path wider, otherRun, notASnapshot = dir.resolve("notes.params");
        try (PocketNetwork n = PocketNetwork.create(NetworkConfig.PUBLISHED.widthScaled(0.25), Device.cpu(), 1)) {
            wider = saveParams(n, "wider.params");
        }
        try (PocketNetwork n = PocketNetwork.create(TINY, Device.cpu(), 1)) {
            otherRun = saveCheckpoint(n, "other.sptk", endOfEpoch(2, "another-settings-hash"));
        }
        Files.writeString(notASnapshot, "not a parameter file");
        try (PocketNetwork avg = PocketNetwork.create(TINY, Device.cpu())) {
            for (Path bad : List.of(wider, otherRun, notASnapshot, dir.resolve("missing.sptk"))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> WeightAveraging.average(List.of(bad), avg, SETTINGS.hash()));
                assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> WeightAveraging.average(List.of(wider), avg, SETTINGS.hash())).getMessage()
                    .contains("architecture"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> WeightAveraging.average(List.of(otherRun), avg, SETTINGS.hash())).getMessage()
                    .contains("another run"));
        }
    }

    @Test
    void recomputedStatisticsAreTheEqualWeightMeanOfTheBatchStatistics() {
        int channels = 3;
        float[][] batches = {
                {1, 10, -2, 3, 12, -2, 5, 11, 0},              // 3 voxels: means 3, 11, -4/3
                {0, 0, 1, 2, 4, 1, 4, 8, 1, 6, 4, 9},          // 4 voxels: means 3, 4, 3
        };
        double[][] expectedMean = new double[2][], expectedVar = new double[2][];
        for (int b = 0; b < 2; b++) {
            int n = batches[b].length / channels;
            expectedMean[b] = new double[channels];
            expectedVar[b] = new double[channels];
            for (int c = 0; c < channels; c++) {
                double m = 0, ss = 0;
                for (int i = 0; i < n; i++) {
                    m += batches[b][i * channels + c] / n;
                }
                for (int i = 0; i < n; i++) {
                    double d = batches[b][i * channels + c] - m;
                    ss += d * d;
                }
                expectedMean[b][c] = m;
                expectedVar[b][c] = ss / (n - 1); // PyTorch's running variance: unbiased
            }
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SparseBatchNorm bn = new SparseBatchNorm(channels);
            bn.initialize(manager, DataType.FLOAT32, new Shape(1, channels));
            ParameterStore ps = new ParameterStore(manager, false);
            List<SparseTensor> inputs = new ArrayList<>();
            for (float[] x : batches) {
                int n = x.length / channels;
                long[] keys = new long[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = VoxelKeys.pack(0, i, 0, 0);
                }
                NDArray features = manager.create(x, new Shape(n, channels));
                inputs.add(new SparseTensor(features, 0, new KernelMaps(new CoordinateManager(keys), manager)));
            }
            int layers = BatchNormStatistics.recompute(bn, 2, k -> bn.forward(ps, inputs.get(k), true));
            assertEquals(1, layers);
            float[] mean = parameter(bn, Parameter.Type.RUNNING_MEAN), var = parameter(bn, Parameter.Type.RUNNING_VAR);
            for (int c = 0; c < channels; c++) {
                assertEquals((expectedMean[0][c] + expectedMean[1][c]) / 2, mean[c], 1e-5, "mean of channel " + c);
                assertEquals((expectedVar[0][c] + expectedVar[1][c]) / 2, var[c], 1e-4, "variance of channel " + c);
            }
            assertEquals(SparseBatchNorm.DEFAULT_UPDATE_RATE, bn.updateRate(), "training's update rate is restored");
        }
    }

    private static float[] parameter(SparseBatchNorm bn, Parameter.Type type) {
        return bn.getParameters().values().stream().filter(p -> p.getType() == type).findFirst().orElseThrow()
                .getArray().toFloatArray();
    }

    @Test
    void recomputedStatisticsOfAnAverageDifferFromEveryInputs() throws IOException {
        Path fa, fb;
        List<float[]> a, b;
        try (PocketNetwork na = trainedStatistics(TINY, 21); PocketNetwork nb = trainedStatistics(TINY, 22)) {
            a = values(na);
            b = values(nb);
            fa = saveParams(na, "a.params");
            fb = saveParams(nb, "b.params");
        }
        try (PocketNetwork avg = PocketNetwork.create(TINY, Device.cpu())) {
            WeightAveraging.average(List.of(fa, fb), avg, SETTINGS.hash());
            List<float[]> averaged = values(avg);
            List<List<ComplexInput>> batches = List.of(List.of(randomComplex(31, 250), randomComplex(32, 150)),
                    List.of(randomComplex(33, 200)));
            BatchNormStatistics.recompute(avg, batches, 5);
            List<float[]> after = values(avg);
            int statistics = 0;
            List<Parameter> params = List.copyOf(avg.parameters().values());
            for (int i = 0; i < params.size(); i++) {
                Parameter.Type t = params.get(i).getType();
                if (t == Parameter.Type.RUNNING_MEAN || t == Parameter.Type.RUNNING_VAR) {
                    statistics++;
                    assertFalse(java.util.Arrays.equals(after.get(i), a.get(i)), params.get(i).getName());
                    assertFalse(java.util.Arrays.equals(after.get(i), b.get(i)), params.get(i).getName());
                    assertFalse(java.util.Arrays.equals(after.get(i), averaged.get(i)), params.get(i).getName());
                } else {
                    assertArrayEquals(averaged.get(i), after.get(i), "learned " + params.get(i).getName() + " unchanged");
                }
            }
            assertTrue(statistics > 10, "batch norms found: " + statistics / 2);
        }
    }
}
