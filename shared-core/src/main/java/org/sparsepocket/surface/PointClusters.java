package org.sparsepocket.surface;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sparsepocket.structure.CellList;

/**
 * Single-linkage clusters of ligandable points (P2Rank: points with score ≥ threshold, linked when closer
 * than the clustering distance; clusters smaller than the minimum dropped). Stateless.
 */
final class PointClusters {

    private PointClusters() {
    }

    /**
     * @return clusters as indices into {@code points}, each ascending, in order of their first point
     */
    static List<int[]> of(SurfacePoints points, float[] scores, double threshold, double distance, int minSize) {
        int[] selected = java.util.stream.IntStream.range(0, points.size()).filter(i -> scores[i] >= threshold).toArray();
        int m = selected.length;
        double[] xyz = new double[3 * m];
        for (int k = 0; k < m; k++) {
            int i = selected[k];
            xyz[3 * k] = points.x(i);
            xyz[3 * k + 1] = points.y(i);
            xyz[3 * k + 2] = points.z(i);
        }
        int[] parent = new int[m];
        Arrays.setAll(parent, k -> k);
        if (m > 0) {
            CellList cells = new CellList(xyz, Math.max(distance, 1.0));
            for (int k = 0; k < m; k++) {
                int a = k;
                cells.forEachWithin(xyz[3 * k], xyz[3 * k + 1], xyz[3 * k + 2], distance, j -> union(parent, a, j));
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            groups.computeIfAbsent(find(parent, k), r -> new ArrayList<>()).add(selected[k]);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            if (g.size() >= minSize) {
                out.add(g.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return out;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
