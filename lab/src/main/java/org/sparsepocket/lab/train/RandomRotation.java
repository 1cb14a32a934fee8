package org.sparsepocket.lab.train;

import java.util.SplittableRandom;
import org.sparsepocket.model.Rotations;

/**
 * Uniformly distributed random rotations (Shoemake's method: a uniform random unit quaternion), the
 * training augmentation; applied with {@link Rotations#apply}. The published method draws one of the 24
 * rotations of a cube instead; a continuous rotation also moves atoms across voxel boundaries, so every
 * epoch re-quantizes the structure differently.
 */
public final class RandomRotation {

    private RandomRotation() {
    }

    /** A 3×3 rotation matrix, row-major. */
    public static double[] draw(SplittableRandom random) {
        double u1 = random.nextDouble(), u2 = random.nextDouble(), u3 = random.nextDouble();
        return Rotations.shoemake(u1, u2, u3);
    }
}
