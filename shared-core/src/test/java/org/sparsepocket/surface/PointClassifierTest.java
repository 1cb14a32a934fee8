package org.sparsepocket.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PredictionException;

class PointClassifierTest {

    @TempDir
    Path dir;

    /** Trees that learn "buriedness above 0.5 means ligandable" from 2,000 random points. */
    static PointClassifier trained() throws Exception {
        int n = 2000, f = PointFeatures.COUNT, buried = PointFeatures.NAMES.indexOf("buriedness_8");
        float[] x = new float[n * f];
        float[] y = new float[n];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                x[i * f + k] = (float) r.nextDouble();
            }
            y[i] = x[i * f + buried] > 0.5 ? 1 : 0;
        }
        DMatrix m = new DMatrix(x, n, f, Float.NaN);
        m.setLabel(y);
        Map<String, Object> params = new HashMap<>(Map.of("objective", "binary:logistic", "max_depth", 3, "eta", 0.3,
                "nthread", 1, "seed", 1));
        PointClassifier c = PointClassifier.of(XGBoost.train(m, params, 20, Map.of(), null, null));
        m.dispose();
        return c;
    }

    static float[] rows(float buriedness) {
        float[] row = new float[PointFeatures.COUNT];
        row[PointFeatures.NAMES.indexOf("buriedness_8")] = buriedness;
        return row;
    }

    @Test
    void saveLoadRoundTripScoresTheSameAndConcurrentCallsAgree() throws Exception {
        float[] two = new float[2 * PointFeatures.COUNT];
        System.arraycopy(rows(0.9f), 0, two, 0, PointFeatures.COUNT);
        System.arraycopy(rows(0.1f), 0, two, PointFeatures.COUNT, PointFeatures.COUNT);
        Path file = dir.resolve(PointClassifier.FILE);
        float[] before;
        try (PointClassifier c = trained()) {
            before = c.score(two, 2);
            c.save(file);
        }
        assertTrue(before[0] > 0.8 && before[1] < 0.2, java.util.Arrays.toString(before));
        try (PointClassifier loaded = PointClassifier.load(file)) {
            assertArrayEquals(before, loaded.score(two, 2), 0f);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> all = new java.util.ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    all.add(pool.submit(() -> loaded.score(two, 2)));
                }
                for (Future<float[]> fu : all) {
                    assertArrayEquals(before, fu.get(), 0f);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(0, loaded.score(new float[0], 0).length);
            assertThrows(IllegalArgumentException.class, () -> loaded.score(new float[3], 1));
        }
    }

    @Test
    void aFileThatIsNoClassifierFailsWithItsName() throws Exception {
        Path bad = dir.resolve("bad.ubj");
        Files.writeString(bad, "not a model");
        PredictionException e = assertThrows(PredictionException.class, () -> PointClassifier.load(bad));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
    }
}
