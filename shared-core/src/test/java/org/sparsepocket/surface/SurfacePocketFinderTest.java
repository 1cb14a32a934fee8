package org.sparsepocket.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;

class SurfacePocketFinderTest {

    @Test
    void singleLinkageClustersScoredBySumOfSquaresCentredOnTheirPoints() {
        // a chain of points 2.5 Å apart (one cluster at 3 Å), a separate pair 10 Å away, a lone point, a weak point
        float[] xyz = {0, 0, 0, 2.5f, 0, 0, 5, 0, 0, 7.5f, 0, 0, 20, 0, 0, 22, 0, 0, 22, 2, 0, 40, 0, 0, 1, 0, 2};
        float[] scores = {0.9f, 0.5f, 0.5f, 0.9f, 0.8f, 0.8f, 0.8f, 0.99f, 0.1f};
        SurfacePoints points = new SurfacePoints(xyz, new int[9]);
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 3.75, 2, 0), SurfacePointsTest.atom("C", 21, 1, 2),
                SurfacePointsTest.atom("O", 60, 0, 0));
        List<Pocket> pockets = SurfacePocketFinder.pockets(atoms, points, scores, SurfaceSettings.DEFAULT);
        assertEquals(2, pockets.size());                 // the lone point is below the minimum size of 3
        Pocket first = pockets.get(0);
        assertEquals(1, first.rank());
        assertEquals(0.81 + 0.25 + 0.25 + 0.81, first.score(), 1e-5);
        assertEquals(3.75, first.center().x(), 1e-5);
        assertEquals(0.0, first.center().y(), 1e-5);
        assertEquals(List.of(0), java.util.Arrays.stream(first.atomIndices()).boxed().toList());
        Pocket second = pockets.get(1);
        assertEquals(3 * 0.64, second.score(), 1e-5);
        assertEquals(64.0 / 3, second.center().x(), 1e-5);
        assertEquals(List.of(1), java.util.Arrays.stream(second.atomIndices()).boxed().toList());
        assertTrue(second.residues().size() == 1 && second.box().sizeX() >= 8);
    }

    @Test
    void aGapWiderThanTheLinkageSplitsAChain() {
        float[] xyz = {0, 0, 0, 2, 0, 0, 4, 0, 0, 7.5f, 0, 0, 9.5f, 0, 0, 11.5f, 0, 0};
        float[] scores = {1, 1, 1, 1, 1, 1};
        assertEquals(List.of(3, 3), PointClusters.of(new SurfacePoints(xyz, new int[6]), scores, 0.35, 3.0, 3)
                .stream().map(c -> c.length).toList());
        assertEquals(1, PointClusters.of(new SurfacePoints(xyz, new int[6]), scores, 0.35, 3.5, 3).size());
    }

    @Test
    void clusteringSettingsChangeOnlyTheClustering() {
        SurfaceSettings s = SurfaceSettings.DEFAULT.withThreshold(0.5).withClustering(4.0, 6);
        assertEquals(4.0, s.clusterDistance());
        assertEquals(6, s.minClusterSize());
        assertEquals(SurfaceSettings.DEFAULT.withThreshold(0.5).withClustering(3.0, 3), SurfaceSettings.DEFAULT.withThreshold(0.5));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SurfaceSettings.DEFAULT.withClustering(0, 3));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SurfaceSettings.DEFAULT.withClustering(3, 0));
    }

    @Test
    void theScorePowerRanksPocketsBySumOrBySquares() {
        // four points of 0.5 against two of 0.9: by sum 2.0 > 1.8, by squares 1.0 < 1.62
        float[] xyz = {0, 0, 0, 2, 0, 0, 4, 0, 0, 6, 0, 0, 30, 0, 0, 32, 0, 0};
        float[] scores = {0.5f, 0.5f, 0.5f, 0.5f, 0.9f, 0.9f};
        SurfacePoints points = new SurfacePoints(xyz, new int[6]);
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 3, 2, 0), SurfacePointsTest.atom("C", 31, 2, 0));
        SurfaceSettings twoPoints = SurfaceSettings.DEFAULT.withClustering(3.0, 2);
        List<Pocket> squares = SurfacePocketFinder.pockets(atoms, points, scores, twoPoints);
        assertEquals(31.0, squares.get(0).center().x(), 1e-5);
        assertEquals(1.62, squares.get(0).score(), 1e-5);
        List<Pocket> sums = SurfacePocketFinder.pockets(atoms, points, scores, twoPoints.withScorePower(1));
        assertEquals(3.0, sums.get(0).center().x(), 1e-5);
        assertEquals(2.0, sums.get(0).score(), 1e-5);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> twoPoints.withScorePower(0));
    }

    @Test
    void theCentrePowerPullsTheCentreToTheConfidentPoints() {
        // a chain of three points at x = 0, 2, 4 scored 0.9, 0.5, 0.5: plain mean x = 2; weighted by the scores
        // (power 1) x = (0 + 1 + 2) / 1.9; by their cubes x = (0 + 2 * 0.125 + 4 * 0.125) / (0.729 + 0.25)
        float[] xyz = {0, 0, 0, 2, 0, 0, 4, 0, 0};
        float[] scores = {0.9f, 0.5f, 0.5f};
        SurfacePoints points = new SurfacePoints(xyz, new int[3]);
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 2, 2, 0));
        SurfaceSettings s = SurfaceSettings.DEFAULT.withThreshold(0.4);
        assertEquals(2.0, SurfacePocketFinder.pockets(atoms, points, scores, s).get(0).center().x(), 1e-6);
        assertEquals(3.0 / 1.9, SurfacePocketFinder.pockets(atoms, points, scores, s.withCentrePower(1)).get(0)
                .center().x(), 1e-5);
        assertEquals(0.75 / (0.729 + 0.25), SurfacePocketFinder.pockets(atoms, points, scores, s.withCentrePower(3))
                .get(0).center().x(), 1e-5);
        // the score and the members do not change
        assertEquals(SurfacePocketFinder.pockets(atoms, points, scores, s).get(0).score(),
                SurfacePocketFinder.pockets(atoms, points, scores, s.withCentrePower(3)).get(0).score(), 1e-9);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.withCentrePower(-1));
    }

    @Test
    void aCardWrittenBeforeTheScorePowerReadsAsSquares() {
        String json = """
                {"features": %s, "library": "xgboost4j 3.0.4", "parameters": {}, "label": "test", "trainingData": {},
                 "trainingPoints": 10, "settings": {"probeRadius": 1.6, "pointsPerAtom": 40, "neighbourhood": 6.0,
                 "protrusionRadius": 10.0, "buriednessRadius": 8.0, "threshold": 0.6, "clusterDistance": 3.0,
                 "minClusterSize": 3, "residueCutoff": 3.5, "boxMargin": 4.0},
                 "fusion": {"surfaceWeight": 0.6, "matchDistance": 6.0}, "command": "test"}
                """.formatted(new com.google.gson.Gson().toJson(PointFeatures.NAMES));
        SurfaceCard card = SurfaceCard.parse(json, "old-card.json");
        assertEquals(2.0, card.settings().scorePower());
        assertEquals(0.0, card.settings().centrePower());
        assertEquals(0.0, card.settings().networkBlend());   // written before the blend: the classifier alone
        assertFalse(card.usesNetwork());
        assertEquals(0.6, card.settings().threshold());
    }

    @Test
    void theBlendMixesTheNetworkIntoThePointScoresBeforeTheThreshold() {
        float[] scores = {0.4f, 0.8f, 0.1f}, near = {0.9f, 0.0f, 0.2f};
        assertSame(scores, SurfacePocketFinder.blend(scores, null, 0));        // 0: the classifier's own array
        float[] b = SurfacePocketFinder.blend(scores, near, 0.25);
        assertEquals(0.75 * 0.4 + 0.25 * 0.9, b[0], 1e-6);
        assertEquals(0.75 * 0.8, b[1], 1e-6);
        assertEquals(0.75 * 0.1 + 0.25 * 0.2, b[2], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> SurfacePocketFinder.blend(scores, new float[2], 0.25));
        assertThrows(IllegalArgumentException.class, () -> SurfaceSettings.DEFAULT.withNetworkBlend(1));
        assertThrows(IllegalArgumentException.class, () -> SurfaceSettings.DEFAULT.withNetworkBlend(-0.1));
        assertTrue(SurfaceSettings.DEFAULT.withNetworkBlend(0.2).blendsNetwork());
        assertFalse(SurfaceSettings.DEFAULT.blendsNetwork());
    }
}
