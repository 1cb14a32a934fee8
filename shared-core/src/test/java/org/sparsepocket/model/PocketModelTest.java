package org.sparsepocket.model;

import ai.djl.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PredictionException;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.FeatureMatrix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inference invariants, batching, save/load and card checks on a small random network. */
class PocketModelTest {

    private static PocketModel model;

    @BeforeAll
    static void build() {
        model = TinyNetworks.warmModel(3, 40);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void oneProbabilityPerAtomInUnitInterval() {
        ComplexInput c = RandomComplexes.ball(400, 1);
        float[] p = model.predict(c.xyz(), c.features());
        assertEquals(400, p.length);
        for (float v : p) {
            assertTrue(v >= 0 && v <= 1, "probability " + v);
        }
    }

    @Test
    void atomsSharingAVoxelShareTheirProbability() {
        ComplexInput c = RandomComplexes.ball(400, 2);
        double[] xyz = c.xyz().clone();
        // put atom 1 on atom 0: same cell, whatever the grid origin
        xyz[3] = xyz[0];
        xyz[4] = xyz[1];
        xyz[5] = xyz[2];
        float[] p = model.predict(xyz, c.features());
        assertEquals(p[0], p[1]);
    }

    @Test
    void invariantToAtomOrder() {
        ComplexInput c = RandomComplexes.ball(500, 3);
        int n = c.atomCount();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(4));
        double[] xyz = new double[3 * n];
        float[] f = new float[n * AtomFeatures.COUNT];
        for (int i = 0; i < n; i++) {
            int src = order.get(i);
            System.arraycopy(c.xyz(), 3 * src, xyz, 3 * i, 3);
            System.arraycopy(c.features().values(), src * AtomFeatures.COUNT, f, i * AtomFeatures.COUNT, AtomFeatures.COUNT);
        }
        float[] original = model.predict(c.xyz(), c.features());
        float[] shuffled = model.predict(xyz, new FeatureMatrix(n, f));
        for (int i = 0; i < n; i++) {
            assertEquals(original[order.get(i)], shuffled[i], 1e-6, "atom " + i);
        }
    }

    @Test
    void invariantToWholeVoxelTranslations() {
        ComplexInput c = RandomComplexes.ball(500, 5);
        double[] moved = c.xyz().clone();
        int[] shift = {7, -3, 12};
        for (int i = 0; i < moved.length; i++) {
            moved[i] += shift[i % 3];
        }
        assertArrayEquals(model.predict(c.xyz(), c.features()), model.predict(moved, c.features()), 1e-6f);
    }

    @Test
    void batchOfTwoEqualsEachAlone() {
        ComplexInput a = RandomComplexes.ball(300, 6);
        ComplexInput b = RandomComplexes.ball(450, 7);
        List<float[]> together = model.predict(List.of(a, b));
        assertArrayEquals(model.predict(a.xyz(), a.features()), together.get(0), 1e-6f);
        assertArrayEquals(model.predict(b.xyz(), b.features()), together.get(1), 1e-6f);
    }

    @Test
    void concurrentCallersGetTheSameAnswers() throws Exception {
        List<ComplexInput> inputs = List.of(RandomComplexes.ball(300, 8), RandomComplexes.ball(350, 9),
                RandomComplexes.ball(250, 10));
        List<float[]> expected = new ArrayList<>();
        for (ComplexInput c : inputs) {
            expected.add(model.predict(c.xyz(), c.features()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (ComplexInput c : inputs) {
                    futures.add(pool.submit(() -> model.predict(c.xyz(), c.features())));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(expected.get(i % inputs.size()), futures.get(i).get(), 1e-6f);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void saveThenLoadGivesIdenticalOutput(@TempDir Path dir) throws Exception {
        ComplexInput c = RandomComplexes.ball(400, 11);
        PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), 12);
        TinyNetworks.warmRunningStatistics(network, 13);
        ModelCard card = ModelCard.of("tiny", TinyNetworks.TINY, "test").withBestF1Threshold(0.4)
                .withProvenance(java.util.Map.of("seed", "12")).withMetrics(java.util.Map.of("pr_auc", 0.5));
        ModelBundle.save(dir, network, card);
        try (PocketModel before = PocketModel.of(network, card); PocketModel after = PocketModel.load(dir)) {
            assertArrayEquals(before.predict(c.xyz(), c.features()), after.predict(c.xyz(), c.features()));
            assertEquals(card, after.card());
        }
    }

    @Test
    void loadingRejectsACardThatDoesNotFitThisCode(@TempDir Path dir) throws Exception {
        try (PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu())) {
            ModelBundle.save(dir, network, ModelCard.of("tiny", TinyNetworks.TINY, "test"));
        }
        Path card = dir.resolve(ModelBundle.CARD_FILE);
        String json = Files.readString(card, StandardCharsets.UTF_8);

        Files.writeString(card, json.replace("\"hydrophobic\"", "\"polarity\""));
        PredictionException names = assertThrows(PredictionException.class, () -> PocketModel.load(dir));
        assertTrue(names.getMessage().contains("feature schema"), names.getMessage());
        assertTrue(names.getMessage().contains(card.toString()), names.getMessage());

        Files.writeString(card, json.replaceFirst("\"voxelSize\": 1\\.0", "\"voxelSize\": 2.0"));
        PredictionException voxel = assertThrows(PredictionException.class, () -> PocketModel.load(dir));
        assertTrue(voxel.getMessage().contains("voxel size"), voxel.getMessage());

        Files.writeString(card, json.replace("\"formatVersion\": " + ModelCard.FORMAT_VERSION, "\"formatVersion\": 99"));
        PredictionException format = assertThrows(PredictionException.class, () -> PocketModel.load(dir));
        assertTrue(format.getMessage().contains("format 99"), format.getMessage());

        Files.writeString(card, json);
        Files.write(dir.resolve(ModelBundle.WEIGHTS_FILE), new byte[]{1, 2, 3});
        PredictionException weights = assertThrows(PredictionException.class, () -> PocketModel.load(dir));
        assertTrue(weights.getMessage().contains(ModelBundle.WEIGHTS_FILE), weights.getMessage());
    }

    @Test
    void missingBundleIsAClearError(@TempDir Path dir) {
        PredictionException e = assertThrows(PredictionException.class, () -> PocketModel.load(dir.resolve("none")));
        assertTrue(e.getMessage().contains("not a model bundle"), e.getMessage());
    }

    @Test
    void bundledModelLoadsOrSaysThereIsNone() {
        if (PocketModel.class.getResource(PocketModel.BUNDLED_RESOURCE + ModelBundle.CARD_FILE) == null) {
            PredictionException e = assertThrows(PredictionException.class, PocketModel::loadBundled);
            assertTrue(e.getMessage().startsWith("no bundled model"), e.getMessage());
        } else {
            try (PocketModel bundled = PocketModel.loadBundled()) {
                ComplexInput c = RandomComplexes.ball(300, 14);
                assertEquals(300, bundled.predict(c.xyz(), c.features()).length);
            }
        }
    }

    @Test
    void predictionsLeaveNoNativeArraysBehind() {
        PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), 15);
        try (PocketModel owner = PocketModel.of(network, ModelCard.of("tiny", TinyNetworks.TINY, "test"))) {
            ComplexInput c = RandomComplexes.ball(300, 16);
            owner.predict(c.xyz(), c.features());
            int before = network.manager().getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                owner.predict(List.of(c, RandomComplexes.ball(200, 17 + i)));
            }
            assertEquals(before, network.manager().getManagedArrays().size());
        }
    }

    @Test
    void emptyInputIsAPredictionException() {
        assertThrows(PredictionException.class, () -> model.predict(new double[0], new FeatureMatrix(0, new float[0])));
    }
}
