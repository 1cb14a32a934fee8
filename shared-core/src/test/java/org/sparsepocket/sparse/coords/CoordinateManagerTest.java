package org.sparsepocket.sparse.coords;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Kernel maps against brute-force searches over all voxel pairs. */
class CoordinateManagerTest {

    private static long[] randomKeys(Random r, int count) {
        return r.longs(count, 0, Long.MAX_VALUE).map(v -> VoxelKeys.pack((int) (v % 3), (int) ((v >>> 8) % 9),
                (int) ((v >>> 20) % 9), (int) ((v >>> 32) % 9))).distinct().sorted().toArray();
    }

    private static int find(long[] keys, int b, int x, int y, int z, int missing) {
        for (int i = 0; i < keys.length; i++) {
            if (VoxelKeys.batch(keys[i]) == b && VoxelKeys.x(keys[i]) == x && VoxelKeys.y(keys[i]) == y
                    && VoxelKeys.z(keys[i]) == z) {
                return i;
            }
        }
        return missing;
    }

    @Test
    void keysRoundTrip() {
        long k = VoxelKeys.pack(VoxelKeys.MAX_BATCH, 65535, 0, 1234);
        assertEquals(VoxelKeys.MAX_BATCH, VoxelKeys.batch(k));
        assertEquals(65535, VoxelKeys.x(k));
        assertEquals(0, VoxelKeys.y(k));
        assertEquals(1234, VoxelKeys.z(k));
    }

    @Test
    void mapsMatchBruteForce() {
        long[] keys = randomKeys(new Random(1), 400);
        CoordinateManager cm = new CoordinateManager(keys);
        int[] off3 = CoordinateManager.offsets(3);
        int[] sub = cm.submanifoldMap(0);
        for (int i = 0; i < keys.length; i++) {
            for (int k = 0; k < 27; k++) {
                int want = find(keys, VoxelKeys.batch(keys[i]), VoxelKeys.x(keys[i]) + off3[3 * k],
                        VoxelKeys.y(keys[i]) + off3[3 * k + 1], VoxelKeys.z(keys[i]) + off3[3 * k + 2], keys.length);
                assertEquals(want, sub[i * 27 + k]);
            }
        }
        long[] coarse = cm.keys(1);
        long[] expectedCoarse = Arrays.stream(keys).map(k -> VoxelKeys.pack(VoxelKeys.batch(k), VoxelKeys.x(k) / 2,
                VoxelKeys.y(k) / 2, VoxelKeys.z(k) / 2)).distinct().sorted().toArray();
        assertArrayEquals(expectedCoarse, coarse);
        for (int kernel : new int[]{2, 3}) {
            int[] off = CoordinateManager.offsets(kernel);
            int kk = kernel * kernel * kernel;
            int[] down = cm.downMap(0, kernel);
            for (int j = 0; j < coarse.length; j++) {
                for (int k = 0; k < kk; k++) {
                    int want = find(keys, VoxelKeys.batch(coarse[j]), 2 * VoxelKeys.x(coarse[j]) + off[3 * k],
                            2 * VoxelKeys.y(coarse[j]) + off[3 * k + 1], 2 * VoxelKeys.z(coarse[j]) + off[3 * k + 2],
                            keys.length);
                    assertEquals(want, down[j * kk + k]);
                }
            }
        }
        int[] up2 = cm.transposedMap(0, 2);
        int[] up3 = cm.transposedMap(0, 3);
        for (int i = 0; i < keys.length; i++) {
            int b = VoxelKeys.batch(keys[i]), x = VoxelKeys.x(keys[i]), y = VoxelKeys.y(keys[i]), z = VoxelKeys.z(keys[i]);
            int parent = find(coarse, b, x / 2, y / 2, z / 2, -1);
            assertEquals(parent * 8 + (x % 2) * 4 + (y % 2) * 2 + z % 2, up2[i]);
            for (int k = 0; k < 27; k++) {
                int want = coarse.length;
                for (int j = 0; j < coarse.length; j++) {
                    if (VoxelKeys.batch(coarse[j]) == b && 2 * VoxelKeys.x(coarse[j]) + off3[3 * k] == x
                            && 2 * VoxelKeys.y(coarse[j]) + off3[3 * k + 1] == y
                            && 2 * VoxelKeys.z(coarse[j]) + off3[3 * k + 2] == z) {
                        want = j;
                    }
                }
                assertEquals(want, up3[i * 27 + k]);
            }
        }
    }

    @Test
    void mapsAreBuiltOncePerLevelAndShared() {
        CoordinateManager cm = new CoordinateManager(randomKeys(new Random(2), 100));
        assertSame(cm.submanifoldMap(1), cm.submanifoldMap(1));
        assertSame(cm.downMap(0, 3), cm.downMap(0, 3));
        assertEquals(8, CoordinateManager.stride(3));
    }

    @Test
    void coarsestLevelsHoldOneVoxelPerComplex() {
        CoordinateManager cm = new CoordinateManager(randomKeys(new Random(3), 300));
        assertEquals(3, cm.size(4)); // 9 cells per axis: level 4 is one cell per batch entry
    }

    @Test
    void rejectsUnsortedKeys() {
        assertThrows(IllegalArgumentException.class, () -> new CoordinateManager(new long[]{5, 3}));
        assertThrows(IllegalArgumentException.class, () -> CoordinateManager.offsets(4));
    }
}
