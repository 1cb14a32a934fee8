package org.sparsepocket.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTimeRotationsTest {

    @Test
    void everyRotationIsProperAndTheFirstIsTheIdentity() {
        List<double[]> rs = TestTimeRotations.first(TestTimeRotations.MAX);
        assertEquals(TestTimeRotations.MAX, rs.size());
        assertArrayEquals(Rotations.IDENTITY, rs.get(0));
        for (double[] r : rs) {
            RotationAssertions.assertProperRotation(r);
        }
    }

    @Test
    void smallerSetsArePrefixesOfLargerOnesAndEveryCallGivesTheSame() {
        List<double[]> eight = TestTimeRotations.first(8);
        List<double[]> four = TestTimeRotations.first(4);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(eight.get(k), four.get(k));
        }
        for (int k = 0; k < 8; k++) {
            assertArrayEquals(eight.get(k), TestTimeRotations.first(8).get(k));
        }
    }

    @Test
    void rotationsAreWellSpreadAndNotGridAligned() {
        List<double[]> rs = TestTimeRotations.first(8);
        double minAngle = 180;
        for (int a = 0; a < rs.size(); a++) {
            for (int b = a + 1; b < rs.size(); b++) {
                minAngle = Math.min(minAngle, angleBetween(rs.get(a), rs.get(b)));
            }
        }
        assertTrue(minAngle > 60, "closest pair of the first 8 rotations " + minAngle + "°");
        // No rotation but the first maps the grid axes onto grid axes (a cube rotation would quantize
        // differently only through the centroid's offset from the grid).
        for (double[] r : rs.subList(1, rs.size())) {
            int axisAligned = 0;
            for (double v : r) {
                axisAligned += Math.abs(Math.abs(v) - 1) < 1e-3 ? 1 : 0;
            }
            assertTrue(axisAligned < 3, "grid-aligned rotation");
        }
    }

    @Test
    void outOfRangeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TestTimeRotations.first(0));
        assertThrows(IllegalArgumentException.class, () -> TestTimeRotations.first(TestTimeRotations.MAX + 1));
    }

    @Test
    void haltonPointsAreRadicalInverses() {
        assertEquals(0.5, TestTimeRotations.halton(1, 2));
        assertEquals(0.25, TestTimeRotations.halton(2, 2));
        assertEquals(0.75, TestTimeRotations.halton(3, 2));
        assertEquals(2 / 3.0, TestTimeRotations.halton(2, 3), 1e-15);
        assertEquals(1 / 9.0, TestTimeRotations.halton(3, 3), 1e-15);
    }

    /** Angle in degrees of the rotation taking a to b: acos((trace(aᵀb) − 1) / 2). */
    private static double angleBetween(double[] a, double[] b) {
        double trace = 0;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                trace += a[3 * k + i] * b[3 * k + i];
            }
        }
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (trace - 1) / 2))));
    }
}
