package org.sparsepocket.train;

import java.util.SplittableRandom;

/**
 * Uniformly distributed random rotations (Shoemake's method: a uniform random unit quaternion), the
 * training augmentation. The published method draws one of the 24 rotations of a cube instead; a
 * continuous rotation also moves atoms across voxel boundaries, so every epoch re-quantizes the
 * structure differently.
 */
public final class RandomRotation {

    private RandomRotation() {
    }

    /** A 3×3 rotation matrix, row-major. */
    public static double[] draw(SplittableRandom random) {
        double u1 = random.nextDouble(), u2 = random.nextDouble(), u3 = random.nextDouble();
        double a = Math.sqrt(1 - u1), b = Math.sqrt(u1);
        double w = a * Math.sin(2 * Math.PI * u2);
        double x = a * Math.cos(2 * Math.PI * u2);
        double y = b * Math.sin(2 * Math.PI * u3);
        double z = b * Math.cos(2 * Math.PI * u3);
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)
        };
    }

    /** Rotated copy of coordinates (3 per atom) about their centroid. */
    public static double[] apply(double[] r, double[] xyz) {
        int n = xyz.length / 3;
        double cx = 0, cy = 0, cz = 0;
        for (int i = 0; i < n; i++) {
            cx += xyz[3 * i];
            cy += xyz[3 * i + 1];
            cz += xyz[3 * i + 2];
        }
        if (n > 0) {
            cx /= n;
            cy /= n;
            cz /= n;
        }
        double[] out = new double[xyz.length];
        for (int i = 0; i < n; i++) {
            double x = xyz[3 * i] - cx, y = xyz[3 * i + 1] - cy, z = xyz[3 * i + 2] - cz;
            out[3 * i] = r[0] * x + r[1] * y + r[2] * z + cx;
            out[3 * i + 1] = r[3] * x + r[4] * y + r[5] * z + cy;
            out[3 * i + 2] = r[6] * x + r[7] * y + r[8] * z + cz;
        }
        return out;
    }
}
