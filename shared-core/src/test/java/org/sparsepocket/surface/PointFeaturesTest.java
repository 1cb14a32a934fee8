package org.sparsepocket.surface;

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
}
