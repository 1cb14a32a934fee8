package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CellListTest {

    @Test
    void radiusQueriesEqualBruteForce() {
        Random rnd = new Random(7);
        int n = 2000;
        double[] xyz = new double[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = rnd.nextDouble() * 60 - 30;
        }
        CellList cells = new CellList(xyz, 4.0);
        for (int q = 0; q < 200; q++) {
            double x = rnd.nextDouble() * 70 - 35, y = rnd.nextDouble() * 70 - 35, z = rnd.nextDouble() * 70 - 35;
            double r = 0.5 + rnd.nextDouble() * 9;
            int[] expected = IntStream.range(0, n).filter(i -> {
                double dx = xyz[3 * i] - x, dy = xyz[3 * i + 1] - y, dz = xyz[3 * i + 2] - z;
                return dx * dx + dy * dy + dz * dz <= r * r;
            }).toArray();
            int[] got = cells.within(x, y, z, r);
            Arrays.sort(got);
            assertArrayEquals(expected, got);
            assertEquals(expected.length > 0, cells.anyWithin(x, y, z, r));
        }
    }

    @Test
    void widelySpreadPointsNeedNoDenseGrid() {
        double[] xyz = {-9000, -9000, -9000, 9000, 9000, 9000, 9000.5, 9000, 9000};
        CellList cells = new CellList(xyz, 1.0);
        assertArrayEquals(new int[] {0}, cells.within(-9000, -9000, -9000, 0.1));
        assertEquals(2, cells.within(9000, 9000, 9000, 1.0).length);
        assertFalse(cells.anyWithin(0, 0, 0, 100));
        assertTrue(cells.anyWithin(9000.4, 9000, 9000, 0.2));
    }

    @Test
    void rejectsNonFiniteCoordinates() {
        assertThrows(IllegalArgumentException.class, () -> new CellList(new double[] {Double.NaN, 0, 0}, 1.0));
    }
}
