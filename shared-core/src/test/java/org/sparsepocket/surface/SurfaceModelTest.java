package org.sparsepocket.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PredictionException;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.structure.Atom;

/**
 * A surface model whose classifier takes the network's probabilities: the card names the columns, the folder
 * round-trips, and the finder refuses to run without probabilities and scores by them when given.
 */
class SurfaceModelTest {

    @TempDir
    Path dir;

    /** Trees that learn "network_max_6 above 0.5 means ligandable". */
    static PointClassifier networkTrees() throws Exception {
        return trees(PointFeatures.WITH_NETWORK, "network_max_6");
    }

    /** Trees over the columns {@code names} that learn "column {@code decisive} above 0.5 means ligandable". */
    static PointClassifier trees(List<String> names, String decisive) throws Exception {
        int n = 2000, f = names.size(), max = names.indexOf(decisive);
        float[] x = new float[n * f];
        float[] y = new float[n];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                x[i * f + k] = (float) r.nextDouble();
            }
            y[i] = x[i * f + max] > 0.5 ? 1 : 0;
        }
        DMatrix m = new DMatrix(x, n, f, Float.NaN);
        m.setLabel(y);
        Map<String, Object> params = new HashMap<>(Map.of("objective", "binary:logistic", "max_depth", 3, "eta", 0.3,
                "nthread", 1, "seed", 1));
        PointClassifier c = PointClassifier.of(XGBoost.train(m, params, 20, Map.of(), null, null), f);
        m.dispose();
        return c;
    }

    static SurfaceCard card(List<String> features) {
        return new SurfaceCard(features, "xgboost4j 3.0.4", Map.of(), "test", Map.of(), 2000,
                SurfaceSettings.DEFAULT.withThreshold(0.5), new FusionSettings(0.5, 6), "test");
    }

    @Test
    void aModelWithNetworkColumnsRoundTripsAndScoresByTheProbabilities() throws Exception {
        try (SurfaceModel model = new SurfaceModel(networkTrees(), new AtomPropensity(Map.of()),
                card(PointFeatures.WITH_NETWORK))) {
            model.save(dir);
        }
        // two atoms 10 Å apart; their surface points see only their own atom within 6 Å
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 0, 0, 0), SurfacePointsTest.atom("C", 10, 0, 0));
        FeatureMatrix features = new FeatureMatrix(2, new float[2 * AtomFeatures.COUNT]);
        try (SurfaceModel loaded = SurfaceModel.load(dir)) {
            assertTrue(loaded.card().usesNetwork());
            assertEquals(PointFeatures.WITH_NETWORK.size(), loaded.classifier().columns());
            SurfacePocketFinder finder = loaded.finder();
            assertTrue(finder.usesNetwork());
            assertThrows(IllegalArgumentException.class, () -> finder.find(atoms, features));
            SurfacePocketFinder.Result r = finder.find(atoms, features, new float[] {0.9f, 0.1f});
            for (int p = 0; p < r.points().size(); p++) {
                boolean nearHot = r.points().x(p) < 5;
                assertEquals(nearHot, r.scores()[p] > 0.5, "point " + p + " at x " + r.points().x(p));
            }
            assertEquals(1, r.pockets().size());
            assertTrue(r.pockets().get(0).center().x() < 1 && r.pockets().get(0).center().x() > -1);
            float[] swapped = finder.find(atoms, features, new float[] {0.1f, 0.9f}).scores();
            assertFalse(java.util.Arrays.equals(r.scores(), swapped));
        }
    }

    @Test
    void aBlendingModelNeedsTheNetworkAndItsPocketsFollowIt() throws Exception {
        // trees over the plain columns that call nothing ligandable (the decisive column is 0 on every point)
        SurfaceCard blending = new SurfaceCard(PointFeatures.NAMES, "xgboost4j 3.0.4", Map.of(), "test", Map.of(), 2000,
                SurfaceSettings.DEFAULT.withThreshold(0.3).withNetworkBlend(0.5), new FusionSettings(0.5, 6), "test");
        try (SurfaceModel model = new SurfaceModel(trees(PointFeatures.NAMES, "sum_B"), new AtomPropensity(Map.of()),
                blending)) {
            model.save(dir);
        }
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 0, 0, 0), SurfacePointsTest.atom("C", 10, 0, 0));
        FeatureMatrix features = new FeatureMatrix(2, new float[2 * AtomFeatures.COUNT]);
        try (SurfaceModel loaded = SurfaceModel.load(dir)) {
            assertEquals(0.5, loaded.card().settings().networkBlend());
            assertTrue(loaded.card().usesNetwork());
            SurfacePocketFinder finder = loaded.finder();
            assertTrue(finder.usesNetwork());
            assertThrows(IllegalArgumentException.class, () -> finder.find(atoms, features));
            SurfacePocketFinder.Result r = finder.find(atoms, features, new float[] {0.9f, 0.1f});
            // the classifier alone says no (< 0.3 everywhere); half of the network's 0.9 lifts the first atom's points
            for (int p = 0; p < r.points().size(); p++) {
                assertTrue(r.scores()[p] < 0.3);
                assertEquals(r.points().x(p) < 5 ? 0.9 : 0.1, r.nearNetwork()[p], 1e-6);
            }
            assertEquals(1, r.pockets().size());
            assertTrue(Math.abs(r.pockets().get(0).center().x()) < 1);
        }
    }

    @Test
    void aCardThatNamesOtherColumnsThanItsClassifierFails() throws Exception {
        try (PointClassifier trees = networkTrees()) {
            assertThrows(IllegalArgumentException.class,
                    () -> new SurfaceModel(trees, new AtomPropensity(Map.of()), card(PointFeatures.NAMES)));
        }
        try (SurfaceModel model = new SurfaceModel(networkTrees(), new AtomPropensity(Map.of()),
                card(PointFeatures.WITH_NETWORK))) {
            model.save(dir);
        }
        card(PointFeatures.NAMES).write(dir);   // the card now names 25 columns, the classifier takes 28
        PredictionException e = assertThrows(PredictionException.class, () -> SurfaceModel.load(dir));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
    }

    @Test
    void aModelWithMeanColumnsFeedsItsClassifierTheMeans() throws Exception {
        List<String> names = PointFeatures.MEAN_NAMES;
        try (SurfaceModel model = new SurfaceModel(trees(names, names.get(0)), new AtomPropensity(Map.of()), card(names))) {
            model.save(dir);
        }
        // a cluster of atoms whose first feature is 0.8: its mean stays 0.8, its weighted sum grows with the atoms
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 0, 0, 0), SurfacePointsTest.atom("C", 1.5, 0, 0),
                SurfacePointsTest.atom("C", 0, 1.5, 0), SurfacePointsTest.atom("C", 0, 0, 1.5));
        float[] values = new float[atoms.size() * AtomFeatures.COUNT];
        for (int a = 0; a < atoms.size(); a++) {
            values[a * AtomFeatures.COUNT] = 0.8f;
        }
        FeatureMatrix features = new FeatureMatrix(atoms.size(), values);
        try (SurfaceModel loaded = SurfaceModel.load(dir)) {
            assertEquals(PointColumns.MEANS, loaded.card().columns());
            assertFalse(loaded.card().usesNetwork());
            SurfacePocketFinder.Result r = loaded.finder().find(atoms, features);
            float[] rows = new PointFeatures(atoms, features, new float[atoms.size()], null, SurfaceSettings.DEFAULT, true)
                    .compute(r.points(), 0, r.points().size());
            float[] expected = loaded.classifier().score(rows, r.points().size());
            for (int p = 0; p < expected.length; p++) {
                assertEquals(expected[p], r.scores()[p], "point " + p);
                assertTrue(r.scores()[p] > 0.5, "point " + p + ": mean 0.8 is ligandable");
            }
        }
    }
}
