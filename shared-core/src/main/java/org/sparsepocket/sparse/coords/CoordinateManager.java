package org.sparsepocket.sparse.coords;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinates of one batch at every level of the network and the kernel maps between them, each
 * built once on first use and shared by every layer that needs it (MinkowskiEngine's coordinate
 * manager, keyed here by level; level {@code l} has tensor stride {@code 2^l}).
 *
 * <p>Level 0 holds the batch's voxels; level {@code l+1} holds the distinct cells
 * {@code floor(c / 2)} of level {@code l}. Within a level, voxels are sorted by
 * (batch, x, y, z), and the batch index is part of every key, so complexes of one batch never see
 * each other. A kernel map is a row-major {@code int} table; a missing neighbour points to the "pad"
 * row just past the last voxel of the source level, which the ops fill with zeros.
 *
 * <p>Kernel offsets are enumerated with x slowest and z fastest: for a kernel of size {@code k},
 * offset {@code (dx, dy, dz)} has index {@code ((dx - lo) * k + (dy - lo)) * k + (dz - lo)}, with
 * {@code lo = -1} for {@code k = 3} (centred) and {@code lo = 0} for {@code k = 2}.
 *
 * <p>Not thread-safe: one manager serves one forward pass.
 */
public final class CoordinateManager {

    private enum MapKind { SUBMANIFOLD, DOWN, TRANSPOSED, TRANSPOSED_SLOTS }

    private record MapKey(MapKind kind, int level, int kernel) {
    }

    private final List<long[]> keys = new ArrayList<>();
    private final List<LongIntHashMap> indices = new ArrayList<>();
    private final Map<MapKey, int[]> maps = new HashMap<>();
    private final Map<Integer, OffsetPairs> submanifoldPairs = new HashMap<>();

    /**
     * @param level0Keys the voxels of level 0 as {@link VoxelKeys} keys, sorted and distinct
     */
    public CoordinateManager(long[] level0Keys) {
        for (int i = 1; i < level0Keys.length; i++) {
            if (level0Keys[i] <= level0Keys[i - 1]) {
                throw new IllegalArgumentException("level-0 keys must be sorted and distinct");
            }
        }
        addLevel(level0Keys.clone());
    }

    /** Number of active voxels at a level (building coarser levels as needed). */
    public int size(int level) {
        return keys(level).length;
    }

    /** Tensor stride of a level, in voxels of level 0. */
    public static int stride(int level) {
        return 1 << level;
    }

    /** The sorted voxel keys of a level; callers must not modify the array. */
    public long[] keys(int level) {
        if (level < 0) {
            throw new IllegalArgumentException("negative level " + level);
        }
        while (keys.size() <= level) {
            addLevel(coarsen(keys.get(keys.size() - 1)));
        }
        return keys.get(level);
    }

    /** Index of the voxel with the given key at a level, or -1. */
    public int indexOf(int level, long key) {
        keys(level);
        return indices.get(level).get(key, -1);
    }

    /** Kernel offsets of size 2 or 3, as {@code k^3} triples (dx, dy, dz) in the documented order. */
    public static int[] offsets(int kernel) {
        int lo = lowestOffset(kernel);
        int[] out = new int[3 * kernel * kernel * kernel];
        int n = 0;
        for (int dx = 0; dx < kernel; dx++) {
            for (int dy = 0; dy < kernel; dy++) {
                for (int dz = 0; dz < kernel; dz++) {
                    out[n++] = dx + lo;
                    out[n++] = dy + lo;
                    out[n++] = dz + lo;
                }
            }
        }
        return out;
    }

    /**
     * Submanifold 3x3x3 map of a level: {@code size(level) x 27}; entry (i, k) is the voxel at
     * {@code c_i + offset_k} or the pad index {@code size(level)}.
     */
    public int[] submanifoldMap(int level) {
        return maps.computeIfAbsent(new MapKey(MapKind.SUBMANIFOLD, level, 3), k -> buildSubmanifold(level));
    }

    /**
     * Stride-2 map from {@code level} to {@code level + 1}: {@code size(level + 1) x kernel^3}; entry
     * (j, k) is the voxel of {@code level} at {@code 2 p_j + offset_k}, or the pad index
     * {@code size(level)}.
     */
    public int[] downMap(int level, int kernel) {
        return maps.computeIfAbsent(new MapKey(MapKind.DOWN, level, kernel), k -> buildDown(level, kernel));
    }

    /**
     * Stride-2 transposed map from {@code level + 1} back to {@code level}, the adjoint of
     * {@link #downMap}: voxel {@code p} of the coarse level feeds {@code c = 2p + offset_k} with
     * kernel slice {@code k}.
     * <ul>
     * <li>kernel 2: every fine voxel has exactly one parent; the table has {@code size(level)}
     * entries {@code parent * 8 + k}, an index into the parents' (8 x out-channel) product rows.</li>
     * <li>kernel 3: {@code size(level) x 27}; entry (i, k) is the parent at {@code (c_i - offset_k) / 2}
     * when that is a whole, active cell, else the pad index {@code size(level + 1)}.</li>
     * </ul>
     */
    public int[] transposedMap(int level, int kernel) {
        return maps.computeIfAbsent(new MapKey(MapKind.TRANSPOSED, level, kernel),
                k -> kernel == 2 ? buildTransposed2(level) : buildTransposed3(level));
    }

    /** {@link #submanifoldMap} regrouped by offset with only the existing pairs. */
    public OffsetPairs submanifoldPairs(int level) {
        return submanifoldPairs.computeIfAbsent(level,
                l -> OffsetPairs.of(submanifoldMap(l), size(l), 27, size(l)));
    }

    /** Fraction of a level's 3x3x3 neighbourhood slots that hold an active voxel (centre included). */
    public double submanifoldFill(int level) {
        return (double) submanifoldPairs(level).pairCount() / (27.0 * size(level));
    }

    /**
     * For the kernel-3 transposed convolution from {@code level + 1} to {@code level}: per fine voxel
     * 8 slots {@code parent * 27 + k} naming each (parent, kernel slice) that feeds it (a fine cell
     * has at most 2 parents per axis), unused slots {@code size(level + 1) * 27}.
     */
    public int[] transposedSlots(int level) {
        int[] map = transposedMap(level, 3); // outside the lambda: it fills the same cache
        return maps.computeIfAbsent(new MapKey(MapKind.TRANSPOSED_SLOTS, level, 3), key -> {
            int n = size(level);
            int pad = size(level + 1);
            int[] slots = new int[n * 8];
            java.util.Arrays.fill(slots, pad * 27);
            for (int i = 0; i < n; i++) {
                int used = 0;
                for (int k = 0; k < 27; k++) {
                    int parent = map[i * 27 + k];
                    if (parent != pad) {
                        slots[i * 8 + used++] = parent * 27 + k;
                    }
                }
            }
            return slots;
        });
    }

    private void addLevel(long[] levelKeys) {
        LongIntHashMap index = new LongIntHashMap(levelKeys.length);
        for (int i = 0; i < levelKeys.length; i++) {
            index.putIfAbsent(levelKeys[i], i);
        }
        keys.add(levelKeys);
        indices.add(index);
    }

    private static long[] coarsen(long[] fine) {
        long[] coarse = new long[fine.length];
        for (int i = 0; i < fine.length; i++) {
            long k = fine[i];
            coarse[i] = VoxelKeys.pack(VoxelKeys.batch(k), VoxelKeys.x(k) >> 1, VoxelKeys.y(k) >> 1, VoxelKeys.z(k) >> 1);
        }
        Arrays.sort(coarse);
        int n = 0;
        for (int i = 0; i < coarse.length; i++) {
            if (i == 0 || coarse[i] != coarse[i - 1]) {
                coarse[n++] = coarse[i];
            }
        }
        return Arrays.copyOf(coarse, n);
    }

    private static int lowestOffset(int kernel) {
        if (kernel == 3) {
            return -1;
        }
        if (kernel == 2) {
            return 0;
        }
        throw new IllegalArgumentException("kernel size must be 2 or 3, got " + kernel);
    }

    private int lookup(int level, int batch, int x, int y, int z, int missing) {
        if (!VoxelKeys.inRange(x, y, z)) {
            return missing;
        }
        return indices.get(level).get(VoxelKeys.pack(batch, x, y, z), missing);
    }

    private int[] buildSubmanifold(int level) {
        long[] ks = keys(level);
        int n = ks.length;
        int[] off = offsets(3);
        int[] map = new int[n * 27];
        for (int i = 0; i < n; i++) {
            long key = ks[i];
            int b = VoxelKeys.batch(key), x = VoxelKeys.x(key), y = VoxelKeys.y(key), z = VoxelKeys.z(key);
            for (int k = 0; k < 27; k++) {
                map[i * 27 + k] = lookup(level, b, x + off[3 * k], y + off[3 * k + 1], z + off[3 * k + 2], n);
            }
        }
        return map;
    }

    private int[] buildDown(int level, int kernel) {
        long[] parents = keys(level + 1);
        int pad = size(level);
        int[] off = offsets(kernel);
        int kk = kernel * kernel * kernel;
        int[] map = new int[parents.length * kk];
        for (int j = 0; j < parents.length; j++) {
            long key = parents[j];
            int b = VoxelKeys.batch(key), x = 2 * VoxelKeys.x(key), y = 2 * VoxelKeys.y(key), z = 2 * VoxelKeys.z(key);
            for (int k = 0; k < kk; k++) {
                map[j * kk + k] = lookup(level, b, x + off[3 * k], y + off[3 * k + 1], z + off[3 * k + 2], pad);
            }
        }
        return map;
    }

    private int[] buildTransposed2(int level) {
        long[] children = keys(level);
        keys(level + 1);
        int[] map = new int[children.length];
        for (int i = 0; i < children.length; i++) {
            long key = children[i];
            int b = VoxelKeys.batch(key), x = VoxelKeys.x(key), y = VoxelKeys.y(key), z = VoxelKeys.z(key);
            int parent = lookup(level + 1, b, x >> 1, y >> 1, z >> 1, -1);
            map[i] = parent * 8 + ((x & 1) * 4 + (y & 1) * 2 + (z & 1));
        }
        return map;
    }

    private int[] buildTransposed3(int level) {
        long[] children = keys(level);
        int pad = size(level + 1);
        int[] off = offsets(3);
        int[] map = new int[children.length * 27];
        for (int i = 0; i < children.length; i++) {
            long key = children[i];
            int b = VoxelKeys.batch(key), x = VoxelKeys.x(key), y = VoxelKeys.y(key), z = VoxelKeys.z(key);
            for (int k = 0; k < 27; k++) {
                int dx = x - off[3 * k], dy = y - off[3 * k + 1], dz = z - off[3 * k + 2];
                boolean whole = ((dx | dy | dz) & 1) == 0;
                map[i * 27 + k] = whole ? lookup(level + 1, b, dx >> 1, dy >> 1, dz >> 1, pad) : pad;
            }
        }
        return map;
    }
}
