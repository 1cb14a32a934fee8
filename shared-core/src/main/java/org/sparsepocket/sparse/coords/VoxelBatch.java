package org.sparsepocket.sparse.coords;

import java.util.List;

/**
 * Several voxelized complexes as one sparse tensor: the batch index is the first coordinate of every
 * voxel, so convolutions never mix complexes. Holds the level-0 features, the coordinate manager, and
 * for every atom of every complex the index of its voxel in the batch.
 */
public final class VoxelBatch {

    private final CoordinateManager coordinates;
    private final float[] features;
    private final int channels;
    private final int[] atomVoxel;
    private final int[] atomOffsets;
    private final int[] voxelOffsets;

    private VoxelBatch(CoordinateManager coordinates, float[] features, int channels, int[] atomVoxel,
                       int[] atomOffsets, int[] voxelOffsets) {
        this.coordinates = coordinates;
        this.features = features;
        this.channels = channels;
        this.atomVoxel = atomVoxel;
        this.atomOffsets = atomOffsets;
        this.voxelOffsets = voxelOffsets;
    }

    /** A batch of the given complexes, in order (batch index = position in the list). */
    public static VoxelBatch of(List<Voxelization> complexes) {
        if (complexes.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        if (complexes.size() > VoxelKeys.MAX_BATCH + 1) {
            throw new IllegalArgumentException("at most " + (VoxelKeys.MAX_BATCH + 1) + " complexes per batch");
        }
        int channels = complexes.get(0).channels();
        int voxels = 0, atoms = 0;
        for (Voxelization v : complexes) {
            if (v.channels() != channels) {
                throw new IllegalArgumentException("complexes of one batch must have the same feature count");
            }
            voxels += v.voxelCount();
            atoms += v.atomCount();
        }
        long[] keys = new long[voxels];
        float[] features = new float[voxels * channels];
        int[] atomVoxel = new int[atoms];
        int[] atomOffsets = new int[complexes.size() + 1];
        int[] voxelOffsets = new int[complexes.size() + 1];
        int vo = 0, ao = 0;
        for (int b = 0; b < complexes.size(); b++) {
            Voxelization v = complexes.get(b);
            int[] cells = v.cells();
            for (int i = 0; i < v.voxelCount(); i++) {
                keys[vo + i] = VoxelKeys.pack(b, cells[3 * i], cells[3 * i + 1], cells[3 * i + 2]);
            }
            System.arraycopy(v.features(), 0, features, vo * channels, v.features().length);
            int[] av = v.atomVoxel();
            for (int a = 0; a < av.length; a++) {
                atomVoxel[ao + a] = vo + av[a];
            }
            vo += v.voxelCount();
            ao += v.atomCount();
            voxelOffsets[b + 1] = vo;
            atomOffsets[b + 1] = ao;
        }
        return new VoxelBatch(new CoordinateManager(keys), features, channels, atomVoxel, atomOffsets, voxelOffsets);
    }

    public CoordinateManager coordinates() {
        return coordinates;
    }

    /** Level-0 voxel features, row-major, {@link #channels()} per voxel; do not modify. */
    public float[] features() {
        return features;
    }

    public int channels() {
        return channels;
    }

    public int voxelCount() {
        return voxelOffsets[voxelOffsets.length - 1];
    }

    public int atomCount() {
        return atomOffsets[atomOffsets.length - 1];
    }

    /** For every atom of the batch (complexes in order), the index of its level-0 voxel; do not modify. */
    public int[] atomVoxel() {
        return atomVoxel;
    }

    public int complexCount() {
        return atomOffsets.length - 1;
    }

    /** Index of the first atom of complex {@code b} in batch-wide atom arrays. */
    public int atomOffset(int b) {
        return atomOffsets[b];
    }

    public int atomCount(int b) {
        return atomOffsets[b + 1] - atomOffsets[b];
    }
}
