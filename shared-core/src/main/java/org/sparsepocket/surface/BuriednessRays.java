package org.sparsepocket.surface;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The buriedness test of {@link PointFeatures}: which of a point's fixed ray directions an atom blocks (the ray
 * passes within {@link PointFeatures#BLOCKING_RADIUS} of the atom's centre, ahead of the point). Testing every
 * direction against every atom within 8 Å was more than half the cost of the point features, yet an atom can only
 * block the directions within asin(r / d) of its own direction. So the sphere of directions is cut into cells
 * (a cube map, {@value #GRID}² cells per face), and each cell lists the rays by a lower bound of their angle to any
 * direction in the cell; an atom's rays are tested in that order until the bound exceeds the atom's blocking
 * angle. The test of a listed ray is the original one, and a ray is left out only when it provably cannot be
 * blocked, so the result is exactly that of testing every ray ({@code BuriednessRaysTest}). Immutable.
 */
final class BuriednessRays {

    static final BuriednessRays SHARED = new BuriednessRays(PointFeatures.DIRECTIONS, PointFeatures.BLOCKING_RADIUS);

    private static final int GRID = 4;
    /** Angle added to each bound, radians: far above rounding error, small against the cells (about 0.3 rad). */
    private static final double MARGIN = 1e-3;
    private static final int EDGE_SAMPLES = 64;

    private final double[] directions;
    private final double block2;
    /** Per cell, ray indices by increasing lower bound of the angle, and the cosines of those bounds. */
    private final int[][] order;
    private final double[][] cosBound;

    BuriednessRays(int count, double blockingRadius) {
        directions = SurfacePoints.unitSphere(count);
        block2 = blockingRadius * blockingRadius;
        int cells = 6 * GRID * GRID;
        order = new int[cells][];
        cosBound = new double[cells][];
        for (int c = 0; c < cells; c++) {
            double[] centre = direction(c / (GRID * GRID), (c / GRID % GRID + 0.5) / GRID * 2 - 1,
                    (c % GRID + 0.5) / GRID * 2 - 1);
            double radius = cellRadius(c, centre);
            double[] bound = new double[count];
            for (int k = 0; k < count; k++) {
                double angle = angle(centre, directions[3 * k], directions[3 * k + 1], directions[3 * k + 2]);
                bound[k] = Math.max(0, angle - radius - MARGIN);
            }
            Integer[] byBound = new Integer[count];
            Arrays.setAll(byBound, k -> k);
            Arrays.sort(byBound, Comparator.comparingDouble(k -> bound[k]));
            order[c] = Arrays.stream(byBound).mapToInt(Integer::intValue).toArray();
            cosBound[c] = Arrays.stream(order[c]).mapToDouble(k -> Math.cos(bound[k])).toArray();
        }
    }

    int count() {
        return directions.length / 3;
    }

    /**
     * Marks in {@code blocked} the rays that an atom at offset (dx, dy, dz) from the point blocks;
     * {@code d2} = dx² + dy² + dz².
     */
    void block(double dx, double dy, double dz, double d2, boolean[] blocked) {
        if (d2 == 0) {
            return;   // no direction: the original test blocks nothing either (t = 0)
        }
        // a ray at angle φ from the atom passes within r of it, ahead of the point, iff cos φ > √(1 − r²/d²)
        double cosMax = d2 > block2 ? Math.sqrt(1 - block2 / d2) : 0;
        int c = cell(dx, dy, dz);
        int[] rays = order[c];
        double[] bounds = cosBound[c];
        for (int n = 0; n < rays.length && bounds[n] > cosMax - 1e-9; n++) {
            int k = rays[n];
            if (blocked[k]) {
                continue;
            }
            double t = dx * directions[3 * k] + dy * directions[3 * k + 1] + dz * directions[3 * k + 2];
            if (t > 0 && d2 - t * t < block2) {
                blocked[k] = true;
            }
        }
    }

    /** The cube-map cell of a direction (not necessarily unit). */
    private static int cell(double x, double y, double z) {
        double ax = Math.abs(x), ay = Math.abs(y), az = Math.abs(z);
        int face;
        double a, b;
        if (ax >= ay && ax >= az) {
            face = x > 0 ? 0 : 1;
            a = y / ax;
            b = z / ax;
        } else if (ay >= az) {
            face = y > 0 ? 2 : 3;
            a = x / ay;
            b = z / ay;
        } else {
            face = z > 0 ? 4 : 5;
            a = x / az;
            b = y / az;
        }
        int i = Math.min(GRID - 1, (int) ((a + 1) * 0.5 * GRID));
        int j = Math.min(GRID - 1, (int) ((b + 1) * 0.5 * GRID));
        return face * GRID * GRID + i * GRID + j;
    }

    /** The unit direction through face coordinates (a, b) in [−1, 1]² of a cube face. */
    private static double[] direction(int face, double a, double b) {
        double[] v = switch (face) {
            case 0 -> new double[] {1, a, b};
            case 1 -> new double[] {-1, a, b};
            case 2 -> new double[] {a, 1, b};
            case 3 -> new double[] {a, -1, b};
            case 4 -> new double[] {a, b, 1};
            default -> new double[] {a, b, -1};
        };
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    /** The largest angle from the cell's centre to its boundary (sampled densely; the cell is convex). */
    private static double cellRadius(int c, double[] centre) {
        int face = c / (GRID * GRID);
        double a0 = (double) (c / GRID % GRID) / GRID * 2 - 1, b0 = (double) (c % GRID) / GRID * 2 - 1;
        double side = 2.0 / GRID;
        double radius = 0;
        for (int s = 0; s <= EDGE_SAMPLES; s++) {
            double f = side * s / EDGE_SAMPLES;
            double[][] boundary = {direction(face, a0 + f, b0), direction(face, a0 + f, b0 + side),
                direction(face, a0, b0 + f), direction(face, a0 + side, b0 + f)};
            for (double[] p : boundary) {
                radius = Math.max(radius, angle(centre, p[0], p[1], p[2]));
            }
        }
        return radius;
    }

    private static double angle(double[] u, double x, double y, double z) {
        double dot = u[0] * x + u[1] * y + u[2] * z;
        return Math.acos(Math.max(-1, Math.min(1, dot)));
    }
}
