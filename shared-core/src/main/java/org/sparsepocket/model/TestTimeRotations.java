package org.sparsepocket.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed rotations that inference averages over. The first is always the identity, so one rotation
 * is exactly the plain prediction. The others are Shoemake's uniform map applied to the Halton sequence
 * in bases 2, 3, 5 (points 1, 2, ...): deterministic, so a prediction never depends on a seed;
 * well spread over all orientations, as the training augmentation (uniform random rotations) was; not
 * aligned with the grid axes, so every rotation quantizes the atoms into voxels differently; and nested,
 * so the set for 8 contains the set for 4.
 */
public final class TestTimeRotations {

    /** More rotations than this only cost time (each is a full forward pass). */
    public static final int MAX = 64;

    /**
     * The accurate mode's count when a model card names none: the validation accuracy saturates at 8
     * (16 is no better, docs/tta.md).
     */
    public static final int ACCURATE = 8;

    private TestTimeRotations() {
    }

    /**
     * The first {@code n} rotations, row-major 3×3 matrices.
     *
     * @throws IllegalArgumentException unless 1 ≤ n ≤ {@link #MAX}
     */
    public static List<double[]> first(int n) {
        check(n);
        List<double[]> out = new ArrayList<>(n);
        out.add(Rotations.IDENTITY.clone());
        for (int k = 1; k < n; k++) {
            out.add(Rotations.shoemake(halton(k, 2), halton(k, 3), halton(k, 5)));
        }
        return out;
    }

    /** @throws IllegalArgumentException unless 1 ≤ n ≤ {@link #MAX} */
    public static int check(int n) {
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException("rotations must be 1.." + MAX + ", got " + n);
        }
        return n;
    }

    /** The radical inverse of {@code index} in {@code base}: a point of [0, 1). */
    static double halton(int index, int base) {
        double f = 1, r = 0;
        for (int i = index; i > 0; i /= base) {
            f /= base;
            r += f * (i % base);
        }
        return r;
    }
}
