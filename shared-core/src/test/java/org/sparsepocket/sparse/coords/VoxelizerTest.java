package org.sparsepocket.sparse.coords;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoxelizerTest {

    private final Voxelizer grid = new Voxelizer(1.0);

    @Test
    void shiftsByTheMinimumAndRoundsHalfUp() {
        double[] xyz = {
                10.0, -5.0, 3.0,   // the minimum corner → (0, 0, 0)
                10.49, -4.51, 3.5, // rounds to (0, 0, 1): 0.5 goes up
                12.6, -5.0, 3.0};  // (3, 0, 0)
        Voxelization v = grid.voxelize(xyz, new float[]{1, 2, 3}, 1);
        assertEquals(3, v.voxelCount());
        assertArrayEquals(new int[]{0, 0, 0, 0, 0, 1, 3, 0, 0}, v.cells());
        assertArrayEquals(new int[]{0, 1, 2}, v.atomVoxel());
    }

    @Test
    void atomsSharingACellAreMergedByTheMeanOfTheirFeatures() {
        double[] xyz = {0, 0, 0, 0.2, 0.1, 0.3, 5, 5, 5, 0.4, 0.4, 0.4};
        float[] f = {1, 10, 3, 30, 7, 70, 5, 50};
        Voxelization v = grid.voxelize(xyz, f, 2);
        assertEquals(2, v.voxelCount());
        assertArrayEquals(new int[]{0, 0, 1, 0}, v.atomVoxel());
        assertArrayEquals(new float[]{3, 30, 7, 70}, v.features());
    }

    @Test
    void voxelSizeScalesTheGrid() {
        Voxelization v = new Voxelizer(2.0).voxelize(new double[]{0, 0, 0, 2.9, 0, 0, 3.1, 0, 0}, new float[3], 1);
        assertArrayEquals(new int[]{0, 1, 2}, v.atomVoxel()); // 2.9 / 2 = 1.45 → 1, 3.1 / 2 = 1.55 → 2
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> grid.voxelize(new double[0], new float[0], 1));
        assertThrows(IllegalArgumentException.class, () -> grid.voxelize(new double[]{0, 0}, new float[1], 1));
        assertThrows(IllegalArgumentException.class, () -> grid.voxelize(new double[]{0, 0, Double.NaN}, new float[1], 1));
        assertThrows(IllegalArgumentException.class, () -> grid.voxelize(new double[]{0, 0, 0}, new float[2], 1));
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> grid.voxelize(new double[]{0, 0, 0, 70_000, 0, 0}, new float[2], 1));
        assertTrue(wide.getMessage().contains("spans"), wide.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Voxelizer(0));
    }
}
