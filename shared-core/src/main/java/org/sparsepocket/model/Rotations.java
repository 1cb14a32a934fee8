package org.sparsepocket.model;

/**
 * Rigid rotations of a complex's coordinates, as 3×3 row-major matrices. Shared by training (random
 * augmentation) and inference (rotation averaging): both rotate about the atoms' centroid, so the
 * complex stays where it was and only its orientation on the 1 Å voxel grid changes.
 */
public final class Rotations {

    /** The identity matrix, row-major. */
    public static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private Rotations() {
    }

    /**
     * The rotation matrix of a unit quaternion (w, x, y, z), row-major.
     */
    public static double[] ofQuaternion(double w, double x, double y, double z) {
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)
        };
    }

    /**
     * Shoemake's map from the unit cube to unit quaternions: uniform (u1, u2, u3) give uniformly
     * distributed rotations, and well-spread points of the cube give well-spread rotations.
     */
    public static double[] shoemake(double u1, double u2, double u3) {
        double a = Math.sqrt(1 - u1), b = Math.sqrt(u1);
        return ofQuaternion(a * Math.sin(2 * Math.PI * u2), a * Math.cos(2 * Math.PI * u2),
                b * Math.sin(2 * Math.PI * u3), b * Math.cos(2 * Math.PI * u3));
    }

    /** Rotated copy of coordinates (3 per atom) about their centroid; the input is not modified. */
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
