package org.sparsepocket.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rotation averaging on a small random network: the plain path, the mean, its order. */
class RotationAveragingTest {

    private static PocketModel model;

    @BeforeAll
    static void build() {
        model = TinyNetworks.warmModel(11, 12);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void oneRotationIsThePlainPredictionBitForBit() {
        ComplexInput c = RandomComplexes.ball(500, 1);
        float[] plain = model.predict(c.xyz(), c.features());
        float[] averaged = new RotationAveraging(1).predict(model, c.xyz(), c.features());
        assertArrayEquals(plain, averaged);
    }

    @Test
    void isTheMeanOverTheRotatedInputsInAnyOrder() {
        ComplexInput c = RandomComplexes.ball(500, 2);
        float[] averaged = new RotationAveraging(4).predict(model, c.xyz(), c.features());
        List<double[]> rotations = TestTimeRotations.first(4);
        double[] sum = new double[c.atomCount()];
        for (int k = rotations.size() - 1; k >= 0; k--) {    // reverse order
            float[] p = model.predict(k == 0 ? c.xyz() : Rotations.apply(rotations.get(k), c.xyz()), c.features());
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i];
            }
        }
        float[] expected = RotationAveraging.mean(sum, rotations.size());
        assertArrayEquals(expected, averaged, 1e-7f);
        assertNotEquals(Arrays.toString(model.predict(c.xyz(), c.features())), Arrays.toString(averaged),
                "the rotations change the quantization, so the mean differs from the plain prediction");
        for (float v : averaged) {
            assertEquals(0.5, v, 0.5);
        }
    }

    @Test
    void keepsTheCallersCoordinates() {
        ComplexInput c = RandomComplexes.ball(300, 3);
        double[] before = c.xyz().clone();
        new RotationAveraging(3).predict(model, c.xyz(), c.features());
        assertArrayEquals(before, c.xyz());
    }

    @Test
    void rejectsCountsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new RotationAveraging(0));
        assertEquals(8, new RotationAveraging(8).rotations());
    }
}
