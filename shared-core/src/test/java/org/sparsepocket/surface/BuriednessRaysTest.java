package org.sparsepocket.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BuriednessRaysTest {

    private final BuriednessRays rays = BuriednessRays.SHARED;

    @Test
    void skipsOnlyRaysThatCannotBeBlocked() {
        SplittableRandom random = new SplittableRandom(7);
        int blockedSomewhere = 0;
        for (int i = 0; i < 500_000; i++) {
            // atoms anywhere within 8 Å, many near the blocking radius and near cell edges (coordinates on the axes)
            double d = i % 5 == 0 ? 1.8 + random.nextDouble(-1e-6, 1e-6) : random.nextDouble(0.5, 8.0);
            double x = random.nextGaussian(), y = random.nextGaussian(), z = random.nextGaussian();
            switch (i % 7) {
                case 0 -> x = 0;
                case 1 -> { x = y; }
                case 2 -> { x = y; y = z; }
                default -> { }
            }
            double n = Math.sqrt(x * x + y * y + z * z);
            if (n == 0) {
                continue;
            }
            double dx = x / n * d, dy = y / n * d, dz = z / n * d;
            double d2 = dx * dx + dy * dy + dz * dz;
            boolean[] fast = new boolean[rays.count()];
            for (int k = 0; k < fast.length; k++) {
                fast[k] = random.nextInt(4) == 0;
            }
            boolean[] all = fast.clone();
            rays.block(dx, dy, dz, d2, fast);
            blockAll(dx, dy, dz, d2, all);
            assertArrayEquals(all, fast, "atom at " + dx + ", " + dy + ", " + dz);
            for (boolean b : all) {
                blockedSomewhere += b ? 1 : 0;
            }
        }
        assertTrue(blockedSomewhere > 0);
    }

    /** The reference, as the point features tested before the culling: every ray against the atom. */
    private static void blockAll(double dx, double dy, double dz, double d2, boolean[] blocked) {
        double[] directions = SurfacePoints.unitSphere(PointFeatures.DIRECTIONS);
        double block2 = PointFeatures.BLOCKING_RADIUS * PointFeatures.BLOCKING_RADIUS;
        for (int k = 0; k < PointFeatures.DIRECTIONS; k++) {
            double t = dx * directions[3 * k] + dy * directions[3 * k + 1] + dz * directions[3 * k + 2];
            if (!blocked[k] && t > 0 && d2 - t * t < block2) {
                blocked[k] = true;
            }
        }
    }

    @Test
    void aCloseAtomBlocksItsWholeHemisphereAndAFarOneAFewRays() {
        boolean[] close = new boolean[rays.count()];
        rays.block(0, 0, 1.0, 1.0, close);          // closer than the blocking radius: every ray ahead of the point
        boolean[] far = new boolean[rays.count()];
        rays.block(0, 0, 7.9, 7.9 * 7.9, far);      // 1.8 Å seen from 7.9 Å: about 13°
        int closeCount = 0, farCount = 0;
        for (int k = 0; k < rays.count(); k++) {
            closeCount += close[k] ? 1 : 0;
            farCount += far[k] ? 1 : 0;
        }
        assertTrue(closeCount >= 14 && closeCount <= 16, "half of 30 rays: " + closeCount);
        assertTrue(farCount <= 2, "a narrow cone: " + farCount);
    }
}
