package org.sparsepocket.sparse.coords;

/**
 * Packs a batch index and three non-negative integer grid coordinates into one {@code long}, so
 * voxels can be hashed and sorted as primitives: 15 bits of batch index, then 16 bits each of x, y
 * and z. Sorting keys sorts voxels by batch, then x, y, z.
 */
public final class VoxelKeys {

    /** Largest grid coordinate along one axis (a 1 Å grid spans 65 km, far beyond any structure). */
    public static final int MAX_COORDINATE = (1 << 16) - 1;
    /** Largest batch index. */
    public static final int MAX_BATCH = (1 << 15) - 1;

    private VoxelKeys() {
    }

    /** The key of (batch, x, y, z); the caller guarantees all are in range (see {@link #inRange}). */
    public static long pack(int batch, int x, int y, int z) {
        return ((long) batch << 48) | ((long) x << 32) | ((long) y << 16) | z;
    }

    public static boolean inRange(int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x <= MAX_COORDINATE && y <= MAX_COORDINATE && z <= MAX_COORDINATE;
    }

    public static int batch(long key) {
        return (int) (key >>> 48);
    }

    public static int x(long key) {
        return (int) (key >>> 32) & 0xFFFF;
    }

    public static int y(long key) {
        return (int) (key >>> 16) & 0xFFFF;
    }

    public static int z(long key) {
        return (int) key & 0xFFFF;
    }
}
