package org.sparsepocket.pockets;

import java.util.Arrays;
import org.sparsepocket.structure.CellList;

/**
 * DBSCAN (density-based spatial clustering of applications with noise, Ester et al. 1996) over 3-D
 * points, with neighbour queries answered by the project's {@link CellList}, so the cost is linear in the
 * number of points times the neighbourhood size, never quadratic.
 *
 * <p>Definitions used here:
 * <ul>
 *   <li>the neighbourhood of a point is every point within {@code eps} (distance ≤ eps), the point
 *       itself included;</li>
 *   <li>a <em>core</em> point has at least {@code minPoints} points in its neighbourhood;</li>
 *   <li>a cluster is a maximal set of core points connected through each other's neighbourhoods, plus
 *       the non-core ("border") points in the neighbourhood of any of its core points;</li>
 *   <li>a border point reachable from several clusters belongs to the <em>first</em> of them, clusters
 *       being numbered in the order of their lowest-index core point (the order in which the classic
 *       algorithm, scanning points by index, discovers them);</li>
 *   <li>every other point is noise (label {@value #NOISE}).</li>
 * </ul>
 * The labels therefore depend only on the point order, never on the order in which neighbours are
 * visited, which makes the result reproducible and testable against a brute-force implementation.
 */
public final class Dbscan {

    /** Label of a point that belongs to no cluster. */
    public static final int NOISE = -1;

    private Dbscan() {
    }

    /**
     * Clusters points.
     *
     * @param xyz       coordinates, 3 per point
     * @param eps       neighbourhood radius, Å (> 0)
     * @param minPoints points needed in a neighbourhood (itself included) for a core point (≥ 1)
     * @return one label per point: {@link #NOISE} or a cluster number 0, 1, ... in discovery order
     */
    public static int[] cluster(double[] xyz, double eps, int minPoints) {
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be positive, got " + eps);
        }
        if (minPoints < 1) {
            throw new IllegalArgumentException("minPoints must be ≥ 1, got " + minPoints);
        }
        int n = xyz.length / 3;
        int[] labels = new int[n];
        Arrays.fill(labels, NOISE);
        if (n == 0) {
            return labels;
        }
        CellList cells = new CellList(xyz, eps);

        // Pass 1: every point's neighbourhood, stored once (compressed rows) so that growing clusters
        // needs no second round of queries; a point is core when its neighbourhood is large enough.
        // Points are queried in cell order (neighbouring queries touch the same memory), which does not
        // change any result: only pass 2's order decides the labels.
        int[] byCell = cellOrder(xyz, eps);
        int[] row = new int[n];         // neighbours of point i: neighbours[row[i] .. row[i] + count[i])
        int[] count = new int[n];
        int[][] buf = {new int[Math.max(16, n * 8)]};
        int[] size = {0};
        for (int i : byCell) {
            row[i] = size[0];
            cells.forEachWithin(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], eps, j -> {
                if (size[0] == buf[0].length) {
                    buf[0] = Arrays.copyOf(buf[0], (int) Math.min(Integer.MAX_VALUE - 8, 2L * size[0]));
                }
                buf[0][size[0]++] = j;
            });
            count[i] = size[0] - row[i];
        }
        int[] neighbours = buf[0];

        // Pass 2: grow a cluster from each core point not yet claimed, breadth first over core points.
        int[] queue = new int[n];
        int clusters = 0;
        for (int seed = 0; seed < n; seed++) {
            if (count[seed] < minPoints || labels[seed] != NOISE) {
                continue;
            }
            int c = clusters++;
            int head = 0, tail = 0;
            labels[seed] = c;
            queue[tail++] = seed;
            while (head < tail) {
                int p = queue[head++];
                for (int k = row[p], end = row[p] + count[p]; k < end; k++) {
                    int q = neighbours[k];
                    if (labels[q] == NOISE) {
                        labels[q] = c;
                        // Each core point is queued once (when first labelled), so the queue never overflows.
                        if (count[q] >= minPoints) {
                            queue[tail++] = q;
                        }
                    }
                }
            }
        }
        return labels;
    }

    /** Point indices sorted by the cubic cell (edge {@code cell}) they fall in. */
    private static int[] cellOrder(double[] xyz, double cell) {
        int n = xyz.length / 3;
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            long cx = (long) Math.floor(xyz[3 * i] / cell) & 0x1FFFFF;
            long cy = (long) Math.floor(xyz[3 * i + 1] / cell) & 0x1FFFFF;
            long cz = (long) Math.floor(xyz[3 * i + 2] / cell) & 0x1FFFFF;
            keyed[i] = cx << 42 | cy << 21 | cz;
        }
        // Rank the cell keys densely, then sort (rank, index) pairs packed into one long each.
        long[] sortedKeys = keyed.clone();
        Arrays.sort(sortedKeys);
        long[] unique = new long[n];
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u == 0 || unique[u - 1] != sortedKeys[i]) {
                unique[u++] = sortedKeys[i];
            }
        }
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long[] pairs = new long[n];
        for (int i = 0; i < n; i++) {
            long rank = Arrays.binarySearch(unique, 0, u, keyed[i]);
            pairs[i] = rank << bits | i;
        }
        Arrays.sort(pairs);
        long mask = (1L << bits) - 1;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (pairs[i] & mask);
        }
        return order;
    }
}
