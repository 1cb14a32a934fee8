package org.sparsepocket.pockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DbscanTest {

    private static final int N = Dbscan.NOISE;

    @Test
    void twoSeparatedClustersAndNoise() {
        double[] xyz = {
            0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0,          // cluster around the origin
            50, 50, 50, 51, 50, 50, 50, 51, 50,          // cluster far away
            25, 25, 25,                                  // isolated: noise
            0.5, 0.5, 0.5,                               // joins the first cluster
        };
        int[] labels = Dbscan.cluster(xyz, 1.5, 3);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, N, 0}, labels);
    }

    @Test
    void minPointsCountsThePointItself() {
        double[] pair = {0, 0, 0, 1, 0, 0};
        assertArrayEquals(new int[] {0, 0}, Dbscan.cluster(pair, 1.0, 2));
        assertArrayEquals(new int[] {N, N}, Dbscan.cluster(pair, 1.0, 3));
        // minPoints 1: every point is core, isolated points are clusters of their own.
        assertArrayEquals(new int[] {0, 1}, Dbscan.cluster(pair, 0.5, 1));
    }

    @Test
    void neighbourhoodIncludesPointsExactlyAtEps() {
        double[] xyz = {0, 0, 0, 2, 0, 0};
        assertArrayEquals(new int[] {0, 0}, Dbscan.cluster(xyz, 2.0, 2));
        assertArrayEquals(new int[] {N, N}, Dbscan.cluster(xyz, 1.999, 2));
    }

    @Test
    void borderPointJoinsButDoesNotExtendACluster() {
        // A unit square of core points (eps 1.5 covers its diagonal, so each has 4 neighbours), then
        // b = (2.4, 0, 0), 1.4 Å from the square's corner (1, 0, 0), and e = (3.8, 0, 0), 1.4 Å from b.
        // b sees {corner, b, e} = 3 < 4: a border point, it joins the square's cluster. e sees {b, e}: it is
        // only reachable through b, which is not core, so e stays noise.
        double[] xyz = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 2.4, 0, 0, 3.8, 0, 0};
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, N}, Dbscan.cluster(xyz, 1.5, 4));
        // With minPoints 3, b becomes core (3 neighbours) and carries e into the cluster.
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, Dbscan.cluster(xyz, 1.5, 3));
    }

    @Test
    void borderPointBetweenTwoClustersGoesToTheFirst() {
        // Two dense triangles (core points) 3 Å apart on x with a lone point halfway between them: it is
        // within eps of one core point of each cluster, has only 3 neighbours (itself + 2) < minPoints 4,
        // so it is a border point and must join cluster 0, the first discovered.
        double[] xyz = {
            0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1,                  // cluster A (indices 0-3)
            3, 0, 0, 3, 1, 0, 3, 0, 1, 3, 1, 1,                  // cluster B (indices 4-7)
        };
        double[] withBorder = Arrays.copyOf(xyz, xyz.length + 3);
        withBorder[xyz.length] = 1.5;   // (1.5, 0, 0): 1.5 from (0,0,0) and (3,0,0)
        int[] labels = Dbscan.cluster(withBorder, 1.5, 4);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 0}, labels);

        // Put cluster B's points first: B is discovered first and takes the border point.
        double[] swapped = new double[withBorder.length];
        System.arraycopy(xyz, 12, swapped, 0, 12);
        System.arraycopy(xyz, 0, swapped, 12, 12);
        swapped[24] = 1.5;
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 0}, Dbscan.cluster(swapped, 1.5, 4));
        // ... and the border point listed first changes nothing: it is not core.
        double[] borderFirst = new double[withBorder.length];
        borderFirst[0] = 1.5;
        System.arraycopy(xyz, 0, borderFirst, 3, 24);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1}, Dbscan.cluster(borderFirst, 1.5, 4));
    }

    @Test
    void equalsBruteForceDbscanOnRandomData() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 40; trial++) {
            int n = 50 + rnd.nextInt(700);
            double side = 10 + rnd.nextDouble() * 40;
            double[] xyz = new double[3 * n];
            // Mix of uniform noise and Gaussian blobs so that clusters, borders and noise all occur.
            int blobs = 1 + rnd.nextInt(6);
            double[][] centres = new double[blobs][3];
            for (double[] c : centres) {
                for (int d = 0; d < 3; d++) {
                    c[d] = rnd.nextDouble() * side;
                }
            }
            for (int i = 0; i < n; i++) {
                boolean uniform = rnd.nextDouble() < 0.3;
                double[] c = centres[rnd.nextInt(blobs)];
                for (int d = 0; d < 3; d++) {
                    xyz[3 * i + d] = uniform ? rnd.nextDouble() * side : c[d] + rnd.nextGaussian() * 2.5;
                }
            }
            double eps = 1 + rnd.nextDouble() * 5;
            int minPoints = 1 + rnd.nextInt(12);
            assertArrayEquals(bruteForce(xyz, eps, minPoints), Dbscan.cluster(xyz, eps, minPoints),
                    "trial " + trial + " n=" + n + " eps=" + eps + " minPoints=" + minPoints);
        }
    }

    @Test
    void clustersThreeHundredThousandPointsWithoutQuadraticWork() {
        // Protein-like density (~0.05 atoms/Å³) over a 180 Å cube: every neighbourhood holds ~35 points,
        // so this is the worst case (everything is core and one cluster). An O(n²) method would need
        // 4.5e10 distance evaluations; the cell list needs ~1e8.
        Random rnd = new Random(3);
        int n = 300_000;
        double[] xyz = new double[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = rnd.nextDouble() * 180;
        }
        int[] labels = Dbscan.cluster(xyz, 5.5, 5);
        assertEquals(n, labels.length);
        long clustered = Arrays.stream(labels).filter(l -> l == 0).count();
        assertTrue(clustered > 0.99 * n, "nearly all points in one cluster, got " + clustered);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> Dbscan.cluster(new double[3], 0, 3));
        assertThrows(IllegalArgumentException.class, () -> Dbscan.cluster(new double[3], 1, 0));
        assertArrayEquals(new int[0], Dbscan.cluster(new double[0], 1, 1));
    }

    /** The textbook DBSCAN (Ester et al. 1996) with O(n²) region queries, scanning points by index. */
    static int[] bruteForce(double[] xyz, double eps, int minPoints) {
        int n = xyz.length / 3;
        final int undefined = -2;
        int[] label = new int[n];
        Arrays.fill(label, undefined);
        int c = 0;
        for (int p = 0; p < n; p++) {
            if (label[p] != undefined) {
                continue;
            }
            int[] neighbours = region(xyz, p, eps);
            if (neighbours.length < minPoints) {
                label[p] = N;
                continue;
            }
            label[p] = c;
            ArrayDeque<Integer> seeds = new ArrayDeque<>();
            for (int q : neighbours) {
                seeds.add(q);
            }
            while (!seeds.isEmpty()) {
                int q = seeds.poll();
                if (label[q] == N) {
                    label[q] = c;   // border point
                }
                if (label[q] != undefined) {
                    continue;
                }
                label[q] = c;
                int[] qn = region(xyz, q, eps);
                if (qn.length >= minPoints) {
                    for (int r : qn) {
                        seeds.add(r);
                    }
                }
            }
            c++;
        }
        return label;
    }

    private static int[] region(double[] xyz, int p, double eps) {
        int n = xyz.length / 3;
        int[] out = new int[n];
        int k = 0;
        for (int q = 0; q < n; q++) {
            double dx = xyz[3 * p] - xyz[3 * q], dy = xyz[3 * p + 1] - xyz[3 * q + 1], dz = xyz[3 * p + 2] - xyz[3 * q + 2];
            if (dx * dx + dy * dy + dz * dz <= eps * eps) {
                out[k++] = q;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
