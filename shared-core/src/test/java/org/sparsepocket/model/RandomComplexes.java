package org.sparsepocket.model;

import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.FeatureMatrix;

import java.util.Random;

/** Random protein-like point clouds with random features, for tests. */
final class RandomComplexes {

    private RandomComplexes() {
    }

    /** {@code atoms} atoms at ~1.5 Å spacing inside a ball (density similar to a protein). */
    static ComplexInput ball(int atoms, long seed) {
        Random r = new Random(seed);
        double radius = Math.cbrt(atoms * 11.0 * 3 / (4 * Math.PI)); // ~11 Å^3 per heavy atom
        double[] xyz = new double[3 * atoms];
        for (int a = 0; a < atoms; a++) {
            double x, y, z;
            do {
                x = (r.nextDouble() * 2 - 1) * radius;
                y = (r.nextDouble() * 2 - 1) * radius;
                z = (r.nextDouble() * 2 - 1) * radius;
            } while (x * x + y * y + z * z > radius * radius);
            xyz[3 * a] = x + 10;
            xyz[3 * a + 1] = y - 5;
            xyz[3 * a + 2] = z + 3;
        }
        float[] f = new float[atoms * AtomFeatures.COUNT];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextFloat() < 0.3f ? r.nextFloat() : 0f;
        }
        return new ComplexInput(xyz, new FeatureMatrix(atoms, f));
    }
}
