package org.sparsepocket.structure;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Neighbour search over points with cell-linked lists (a.k.a. grid search): points are bucketed into
 * cubic cells of edge {@code cellSize}; a radius query visits only the cells the query sphere touches.
 * The one spatial index of the project — ligand contacts, training labels and DBSCAN all use it.
 *
 * <p>Cells are kept as a sorted array of packed cell keys with start offsets (no per-cell objects, and
 * memory stays linear in the number of points whatever the spread of the coordinates). Immutable and
 * thread-safe once built.
 */
public final class CellList {

    private static final int BITS = 21;                 // 21 bits per axis → cells in [-2^20, 2^20)
    private static final long MASK = (1L << BITS) - 1;
    private static final long OFFSET = 1L << (BITS - 1);

    private final double[] xyz;
    private final double cellSize;
    private final long[] cellKeys;   // sorted, unique
    private final int[] cellStart;   // cellStart[k]..cellStart[k+1] index into order
    private final int[] order;       // point indices grouped by cell

    /**
     * @param xyz      coordinates, 3 per point (x0, y0, z0, x1, ...); not copied, must not change
     * @param cellSize cell edge in Å; queries are fastest when it is close to the query radius
     */
    public CellList(double[] xyz, double cellSize) {
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException("coordinate array length must be a multiple of 3");
        }
        if (!(cellSize > 0)) {
            throw new IllegalArgumentException("cell size must be positive");
        }
        this.xyz = xyz;
        this.cellSize = cellSize;
        int n = xyz.length / 3;
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            keyed[i] = key(cell(xyz[3 * i]), cell(xyz[3 * i + 1]), cell(xyz[3 * i + 2]));
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Long.compare(keyed[a], keyed[b]));
        order = new int[n];
        long[] keys = new long[n];
        int[] starts = new int[n + 1];
        int cells = 0;
        for (int i = 0; i < n; i++) {
            order[i] = idx[i];
            long k = keyed[idx[i]];
            if (cells == 0 || keys[cells - 1] != k) {
                keys[cells] = k;
                starts[cells] = i;
                cells++;
            }
        }
        starts[cells] = n;
        cellKeys = Arrays.copyOf(keys, cells);
        cellStart = Arrays.copyOf(starts, cells + 1);
    }

    /** Builds a cell list over atoms' coordinates. */
    public static CellList of(java.util.List<Atom> atoms, double cellSize) {
        double[] xyz = new double[atoms.size() * 3];
        for (int i = 0; i < atoms.size(); i++) {
            Atom a = atoms.get(i);
            xyz[3 * i] = a.x();
            xyz[3 * i + 1] = a.y();
            xyz[3 * i + 2] = a.z();
        }
        return new CellList(xyz, cellSize);
    }

    public int size() {
        return order.length;
    }

    /** Calls {@code visitor} with the index of every point within {@code radius} of (x, y, z). */
    public void forEachWithin(double x, double y, double z, double radius, IntConsumer visitor) {
        double r2 = radius * radius;
        int x0 = cell(x - radius), x1 = cell(x + radius);
        int y0 = cell(y - radius), y1 = cell(y + radius);
        int z0 = cell(z - radius), z1 = cell(z + radius);
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                for (int cz = z0; cz <= z1; cz++) {
                    int c = Arrays.binarySearch(cellKeys, key(cx, cy, cz));
                    if (c < 0) {
                        continue;
                    }
                    for (int p = cellStart[c]; p < cellStart[c + 1]; p++) {
                        int i = order[p];
                        double dx = xyz[3 * i] - x, dy = xyz[3 * i + 1] - y, dz = xyz[3 * i + 2] - z;
                        if (dx * dx + dy * dy + dz * dz <= r2) {
                            visitor.accept(i);
                        }
                    }
                }
            }
        }
    }

    /** Indices of all points within {@code radius} of (x, y, z), in no particular order. */
    public int[] within(double x, double y, double z, double radius) {
        int[][] buf = {new int[16]};
        int[] count = {0};
        forEachWithin(x, y, z, radius, i -> {
            if (count[0] == buf[0].length) {
                buf[0] = Arrays.copyOf(buf[0], count[0] * 2);
            }
            buf[0][count[0]++] = i;
        });
        return Arrays.copyOf(buf[0], count[0]);
    }

    /** Whether any point lies within {@code radius} of (x, y, z). */
    public boolean anyWithin(double x, double y, double z, double radius) {
        boolean[] found = {false};
        // A full scan of the touched cells is cheap at the radii used here (≤ 10 Å).
        forEachWithin(x, y, z, radius, i -> found[0] = true);
        return found[0];
    }

    private int cell(double v) {
        double c = Math.floor(v / cellSize);
        if (!(c >= -OFFSET && c < OFFSET)) {
            throw new IllegalArgumentException("coordinate " + v + " is out of the supported range");
        }
        return (int) c;
    }

    private static long key(int cx, int cy, int cz) {
        return ((cx + OFFSET) & MASK) << (2 * BITS) | ((cy + OFFSET) & MASK) << BITS | ((cz + OFFSET) & MASK);
    }
}
