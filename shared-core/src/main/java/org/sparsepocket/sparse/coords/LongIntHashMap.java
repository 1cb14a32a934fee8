package org.sparsepocket.sparse.coords;

import java.util.Arrays;

/**
 * Open-addressing hash map from non-negative {@code long} voxel keys to {@code int} indices (linear
 * probing, power-of-two table at most half full). Primitive arrays only: a kernel map of a few
 * thousand voxels needs ~100 k lookups, which must not allocate.
 */
final class LongIntHashMap {

    private static final long EMPTY = -1L;

    private final long[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    LongIntHashMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    /** Stores key → value unless the key is present; returns the value now stored for the key. */
    int putIfAbsent(long key, int value) {
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (size * 2 >= keys.length) {
            throw new IllegalStateException("hash map sized for fewer keys than inserted");
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
        return value;
    }

    /** The value of the key, or {@code missing} when it is absent. */
    int get(long key, int missing) {
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return missing;
    }

    int size() {
        return size;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads the packed coordinates
        return (int) (h >>> 40) & mask;
    }
}
