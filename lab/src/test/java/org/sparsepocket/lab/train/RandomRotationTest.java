package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsepocket.model.RotationAssertions;

class RandomRotationTest {

    @Test
    void drawsProperRotationsUniformly() {
        SplittableRandom random = new SplittableRandom(42);
        double[] mean = new double[9];
        int n = 20000;
        for (int k = 0; k < n; k++) {
            double[] r = RandomRotation.draw(random);
            RotationAssertions.assertProperRotation(r);
            for (int i = 0; i < 9; i++) {
                mean[i] += r[i] / n;
            }
        }
        // Under the uniform (Haar) measure every matrix entry has mean 0 and variance 1/3.
        for (double m : mean) {
            assertEquals(0, m, 0.02);
        }
    }

    @Test
    void rotatesAboutTheCentroidAndKeepsDistances() {
        double[] xyz = {0, 0, 0, 3, 0, 0, 0, 4, 0};
        double[] r = RandomRotation.draw(new SplittableRandom(1));
        double[] out = org.sparsepocket.model.Rotations.apply(r, xyz);
        assertEquals(5, Math.sqrt(sq(out[3] - out[6]) + sq(out[4] - out[7]) + sq(out[5] - out[8])), 1e-5);
        assertEquals(1, (out[0] + out[3] + out[6]) / 3, 1e-5);
        assertEquals(4 / 3.0, (out[1] + out[4] + out[7]) / 3, 1e-5);
    }

    private static double sq(double v) {
        return v * v;
    }
}
