package org.sparsepocket.sparse.coords;

/**
 * One complex on the voxel grid: the occupied cells, the merged features of each cell, and which
 * cell each atom fell into. Arrays are owned by this record and must not be modified.
 *
 * @param cells     grid coordinates, 3 per voxel (x, y, z), voxels sorted by (x, y, z)
 * @param features  per-voxel features, {@code channels} per voxel: the mean over the voxel's atoms
 * @param channels  features per voxel
 * @param atomVoxel for each atom, the index of its voxel; a voxel's prediction goes back to every
 *                  atom in it
 */
public record Voxelization(int[] cells, float[] features, int channels, int[] atomVoxel) {

    public int voxelCount() {
        return cells.length / 3;
    }

    public int atomCount() {
        return atomVoxel.length;
    }
}
