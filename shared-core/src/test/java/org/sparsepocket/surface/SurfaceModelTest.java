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
        int n = 2000, f = PointFeatures.WITH_NETWORK.size(), max = PointFeatures.WITH_NETWORK.indexOf("network_max_6");
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

    /** Trees that learn "concavity_6 above 0 means ligandable" from rows of {@link PointFeatures#WITH_CONTEXT}. */
    static PointClassifier contextTrees() throws Exception {
        int n = 2000, f = PointFeatures.WITH_CONTEXT.size(), concavity = PointFeatures.WITH_CONTEXT.indexOf("concavity_6");
        float[] x = new float[n * f];
        float[] y = new float[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                x[i * f + k] = (float) (4 * r.nextDouble() - 2);
            }
            y[i] = x[i * f + concavity] > 0 ? 1 : 0;
        }
        DMatrix m = new DMatrix(x, n, f, Float.NaN);
        m.setLabel(y);
        Map<String, Object> params = new HashMap<>(Map.of("objective", "binary:logistic", "max_depth", 3, "eta", 0.3,
                "nthread", 1, "seed", 1));
        PointClassifier c = PointClassifier.of(XGBoost.train(m, params, 20, Map.of(), null, null), f);
        m.dispose();
        return c;
    }

    @Test
    void aModelWithContextColumnsRoundTripsAndScoresTheAssembledRows() throws Exception {
        try (SurfaceModel model = new SurfaceModel(contextTrees(), new AtomPropensity(Map.of()),
                card(PointFeatures.WITH_CONTEXT))) {
            model.save(dir);
        }
        // a bowl: atoms 3 Å apart on the lower half of a sphere of radius 9, so the points inside it are concave
        List<Atom> atoms = new java.util.ArrayList<>();
        for (double polar = Math.PI / 2; polar <= Math.PI + 1e-9; polar += 3.0 / 9) {
            int around = Math.max(1, (int) Math.round(2 * Math.PI * 9 * Math.sin(polar) / 3));
            for (int k = 0; k < around; k++) {
                double a = 2 * Math.PI * k / around;
                atoms.add(SurfacePointsTest.atom("C", 9 * Math.sin(polar) * Math.cos(a), 9 * Math.sin(polar) * Math.sin(a),
                        9 * Math.cos(polar)));
            }
        }
        FeatureMatrix features = new FeatureMatrix(atoms.size(), new float[atoms.size() * AtomFeatures.COUNT]);
        try (SurfaceModel loaded = SurfaceModel.load(dir)) {
            assertEquals(PointFeatures.WITH_CONTEXT, loaded.card().features());
            assertFalse(loaded.card().usesNetwork());
            SurfacePocketFinder.Result r = loaded.finder().find(atoms, features);
            // the same rows assembled by hand: point features, then the context of their buriedness and protrusion
            int n = r.points().size(), in = PointFeatures.COUNT, w = PointFeatures.WITH_CONTEXT.size();
            float[] base = new PointFeatures(atoms, features, new float[atoms.size()], SurfaceSettings.DEFAULT)
                    .compute(r.points(), 0, n);
            float[] b = new float[n], pr = new float[n];
            for (int i = 0; i < n; i++) {
                b[i] = base[i * in + PointFeatures.NAMES.indexOf("buriedness_8")];
                pr[i] = base[i * in + PointFeatures.NAMES.indexOf("protrusion_10")];
            }
            float[] context = PointContext.of(atoms, r.points(), b, pr);
            float[] rows = new float[n * w];
            int concave = 0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(base, i * in, rows, i * w, in);
                System.arraycopy(context, i * PointContext.COUNT, rows, i * w + in, PointContext.COUNT);
                concave += context[i * PointContext.COUNT + PointContext.NAMES.indexOf("concavity_6")] > 0 ? 1 : 0;
            }
            assertTrue(concave > 0 && concave < n, concave + " of " + n + " points concave");
            assertTrue(java.util.Arrays.equals(loaded.classifier().score(rows, n), r.scores()));
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
}
