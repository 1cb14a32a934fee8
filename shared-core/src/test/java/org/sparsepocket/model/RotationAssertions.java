package org.sparsepocket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test check shared by the training and the test-time rotations: a proper rotation matrix. */
public final class RotationAssertions {

    private RotationAssertions() {
    }

    /** Orthonormal rows and determinant +1 (a rotation, not a reflection), row-major 3×3. */
    public static void assertProperRotation(double[] r) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = r[3 * i] * r[3 * j] + r[3 * i + 1] * r[3 * j + 1] + r[3 * i + 2] * r[3 * j + 2];
                assertEquals(i == j ? 1 : 0, dot, 1e-12);
            }
        }
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                + r[2] * (r[3] * r[7] - r[4] * r[6]);
        assertEquals(1, det, 1e-12);
    }
}
