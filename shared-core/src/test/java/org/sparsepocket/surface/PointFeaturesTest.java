package org.sparsepocket.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.structure.Atom;

class PointFeaturesTest {

    private static final int F = AtomFeatures.COUNT;

    @Test
    void handCheckedPointNearTwoAtoms() {
        // atom 0 at the origin with features 1, 2, ..., 18; atom 1 at 7 Å (outside the 6 Å neighbourhood,
        // inside 8 Å and the 10 Å protrusion radius) with features all 100.
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 0, 0, 0), SurfacePointsTest.atom("C", 10, 0, 0));
        float[] values = new float[2 * F];
        for (int k = 0; k < F; k++) {
            values[k] = k + 1;
            values[F + k] = 100;
        }
        PointFeatures features = new PointFeatures(atoms, new FeatureMatrix(2, values), new float[] {0.8f, -3f},
                SurfaceSettings.DEFAULT);
        SurfacePoints point = new SurfacePoints(new float[] {3, 0, 0}, new int[] {0});
        float[] row = features.compute(point, 0, 1);
        assertEquals(PointFeatures.COUNT, row.length);
        for (int k = 0; k < F; k++) {
            assertEquals(0.5 * (k + 1), row[k], 1e-5, PointFeatures.NAMES.get(k));   // weight 1 - 3/6
        }
        assertEquals(0.5, row[F], 1e-6);        // weight_sum
        assertEquals(1, row[F + 1]);            // atoms_6
        assertEquals(2, row[F + 2]);            // atoms_8: 3 Å and 7 Å
        assertEquals(2, row[F + 3]);            // protrusion_10
        // buriedness: atom 0 blocks the directions whose ray passes within 1.8 Å of it (within 36.9° of -x);
        // atom 1 (7 Å) is within 8 Å and blocks those within 14.9° of +x
        double[] dirs = SurfacePoints.unitSphere(PointFeatures.DIRECTIONS);
        int blocked = 0;
        for (int d = 0; d < PointFeatures.DIRECTIONS; d++) {
            double cosToMinusX = -dirs[3 * d];
            if (cosToMinusX > Math.sqrt(1 - Math.pow(1.8 / 3, 2)) || -cosToMinusX > Math.sqrt(1 - Math.pow(1.8 / 7, 2))) {
                blocked++;
            }
        }
        assertEquals((float) blocked / PointFeatures.DIRECTIONS, row[F + 4], 1e-6);
        assertEquals(true, blocked > 0 && blocked < PointFeatures.DIRECTIONS);
        assertEquals(0.4, row[F + 5], 1e-6);    // sum_propensity: 0.5 · 0.8; atom 1 is outside 6 Å
        assertEquals(0.8, row[F + 6], 1e-6);    // mean_propensity: 0.4 / 0.5
    }

    @Test
    void meansLayoutDividesTheSumsByTheSummedWeight() {
        // two atoms within 6 Å of the point: at 3 Å (weight 0.5, features 1..18) and 4.5 Å (weight 0.25, all 10)
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 0, 0, 0), SurfacePointsTest.atom("C", 7.5, 0, 0));
        float[] values = new float[2 * F];
        for (int k = 0; k < F; k++) {
            values[k] = k + 1;
            values[F + k] = 10;
        }
        SurfacePoints point = new SurfacePoints(new float[] {3, 0, 0}, new int[] {0});
        FeatureMatrix m = new FeatureMatrix(2, values);
        float[] sums = new PointFeatures(atoms, m, new float[2], null, SurfaceSettings.DEFAULT, false).compute(point, 0, 1);
        float[] means = new PointFeatures(atoms, m, new float[2], null, SurfaceSettings.DEFAULT, true).compute(point, 0, 1);
        assertEquals(PointFeatures.MEAN_NAMES.size(), means.length);
        assertEquals("mean_" + AtomFeatures.NAMES.get(0), PointFeatures.MEAN_NAMES.get(0));
        for (int k = 0; k < F; k++) {
            assertEquals((0.5 * (k + 1) + 0.25 * 10) / 0.75, means[k], 1e-5, PointFeatures.MEAN_NAMES.get(k));
        }
        // the other columns are the sums layout's
        assertArrayEquals(java.util.Arrays.copyOfRange(sums, F, sums.length), java.util.Arrays.copyOfRange(means, F, means.length));
        assertEquals(PointColumns.MEANS, PointColumns.of(PointFeatures.MEAN_NAMES));
        assertThrows(IllegalArgumentException.class, () -> new PointFeatures(atoms, m, new float[2], new float[2],
                SurfaceSettings.DEFAULT, true));
        // an isolated point keeps zeros, no division by zero
        float[] far = new PointFeatures(atoms, m, new float[2], null, SurfaceSettings.DEFAULT, true)
                .compute(new SurfacePoints(new float[] {40, 0, 0}, new int[] {0}), 0, 1);
        for (float v : far) {
            assertEquals(0f, v);
        }
    }

    @Test
    void anIsolatedPointHasOnlyZeros() {
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 0, 0, 0));
        PointFeatures features = new PointFeatures(atoms, new FeatureMatrix(1, new float[F]), new float[] {2f},
                SurfaceSettings.DEFAULT);
        float[] row = features.compute(new SurfacePoints(new float[] {20, 0, 0}, new int[] {0}), 0, 1);
        for (float v : row) {
            assertEquals(0f, v);
        }
        assertThrows(IndexOutOfBoundsException.class,
                () -> features.compute(new SurfacePoints(new float[] {20, 0, 0}, new int[] {0}), 0, 2));
    }

    @Test
    void networkColumnsAreTheWeightedMeanTheMaximumAndTheNearestAtomsProbability() {
        // atoms at 2 Å (p 0.2) and 4 Å (p 0.9) from the point, one at 9 Å (p 1.0) outside the 6 Å neighbourhood
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 2, 0, 0), SurfacePointsTest.atom("C", -4, 0, 0),
                SurfacePointsTest.atom("C", 0, 9, 0));
        PointFeatures features = new PointFeatures(atoms, new FeatureMatrix(3, new float[3 * F]), new float[3],
                new float[] {0.2f, 0.9f, 1.0f}, SurfaceSettings.DEFAULT);
        assertEquals(PointFeatures.WITH_NETWORK.size(), features.columns());
        float[] row = features.compute(new SurfacePoints(new float[] {0, 0, 0}, new int[] {0}), 0, 1);
        assertEquals(features.columns(), row.length);
        int c = PointFeatures.COUNT;
        double w1 = 1 - 2 / 6.0, w2 = 1 - 4 / 6.0;
        assertEquals((w1 * 0.2 + w2 * 0.9) / (w1 + w2), row[c], 1e-6);   // network_mean_6
        assertEquals(0.9, row[c + 1], 1e-6);                               // network_max_6: the 9 Å atom is outside
        assertEquals(0.2, row[c + 2], 1e-6);                               // network_nearest
        // the first COUNT columns are those of the same point without probabilities
        float[] plain = new PointFeatures(atoms, new FeatureMatrix(3, new float[3 * F]), new float[3],
                SurfaceSettings.DEFAULT).compute(new SurfacePoints(new float[] {0, 0, 0}, new int[] {0}), 0, 1);
        assertEquals(PointFeatures.COUNT, plain.length);
        assertArrayEquals(plain, java.util.Arrays.copyOf(row, PointFeatures.COUNT));
        assertThrows(IllegalArgumentException.class, () -> new PointFeatures(atoms, new FeatureMatrix(3, new float[3 * F]),
                new float[3], new float[2], SurfaceSettings.DEFAULT));
    }

    @Test
    void propensityColumnsUnderAnotherTableMatchAFreshComputation() {
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 0, 0, 0), SurfacePointsTest.atom("N", 3, 1, 0),
                SurfacePointsTest.atom("O", 0, 5, 2));
        float[] table = {0.5f, -1.5f, 2f}, other = {-0.3f, 1.1f, 0.7f};
        SurfacePoints points = SurfacePoints.of(atoms, 1.6, 40);
        FeatureMatrix zero = new FeatureMatrix(3, new float[3 * F]);
        float[] swapped = new PointFeatures(atoms, zero, table, SurfaceSettings.DEFAULT)
                .propensityColumns(points, 0, points.size(), other);
        float[] fresh = new PointFeatures(atoms, zero, other, SurfaceSettings.DEFAULT).compute(points, 0, points.size());
        int sum = PointFeatures.NAMES.indexOf("sum_propensity"), mean = PointFeatures.NAMES.indexOf("mean_propensity");
        for (int p = 0; p < points.size(); p++) {
            assertEquals(fresh[p * PointFeatures.COUNT + sum], swapped[2 * p], 1e-5);
            assertEquals(fresh[p * PointFeatures.COUNT + mean], swapped[2 * p + 1], 1e-5);
        }
    }

    @Test
    void neighbourMeansAreTheNetworkMeanColumnWithoutTheOtherFeatures() {
        List<Atom> atoms = List.of(SurfacePointsTest.atom("C", 0, 0, 0), SurfacePointsTest.atom("N", 3, 1, 0),
                SurfacePointsTest.atom("O", 0, 5, 2));
        float[] p = {0.05f, 0.6f, 0.3f};
        SurfacePoints points = SurfacePoints.of(atoms, 1.6, 40);
        FeatureMatrix zero = new FeatureMatrix(3, new float[3 * F]);
        float[] full = new PointFeatures(atoms, zero, new float[3], p, SurfaceSettings.DEFAULT)
                .compute(points, 0, points.size());
        float[] means = new PointFeatures(atoms, zero, new float[3], SurfaceSettings.DEFAULT)
                .neighbourMeans(points, 0, points.size(), p);
        int c = PointFeatures.WITH_NETWORK.indexOf("network_mean_6"), w = PointFeatures.WITH_NETWORK.size();
        assertEquals(points.size(), means.length);
        for (int i = 0; i < points.size(); i++) {
            assertEquals(full[i * w + c], means[i], 1e-6);
        }
        assertThrows(IllegalArgumentException.class, () -> new PointFeatures(atoms, zero, new float[3],
                SurfaceSettings.DEFAULT).neighbourMeans(points, 0, points.size(), new float[2]));
    }
}
