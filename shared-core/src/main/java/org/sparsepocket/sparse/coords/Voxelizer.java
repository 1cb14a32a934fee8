package org.sparsepocket.sparse.coords;

import java.util.Arrays;
import java.util.Objects;

/**
 * Atoms to voxels as in the published method: shift the coordinates by their per-axis minimum,
 * divide by the voxel size and round to the nearest integer, one voxel per occupied cell. How a cell
 * is rounded and which features a cell of several atoms gets is the {@link Quantization} (by default
 * half up and the mean of the atoms); every atom later takes its voxel's prediction. Voxels are
 * ordered by coordinate, so with the mean the result does not depend on atom order, and a translation
 * of all atoms by whole voxels gives the same cells.
 */
public final class Voxelizer {

    private final double voxelSize;
    private final Quantization quantization;

    /** Half-up rounding, features averaged per cell ({@link Quantization#MEAN}). */
    public Voxelizer(double voxelSize) {
        this(voxelSize, Quantization.MEAN);
    }

    public Voxelizer(double voxelSize, Quantization quantization) {
        this.quantization = Objects.requireNonNull(quantization, "quantization");
        if (!(voxelSize > 0) || Double.isInfinite(voxelSize)) {
            throw new IllegalArgumentException("voxel size must be positive, got " + voxelSize);
        }
        this.voxelSize = voxelSize;
    }

    public double voxelSize() {
        return voxelSize;
    }

    public Quantization quantization() {
        return quantization;
    }

    /**
     * @param xyz      atom coordinates in Å, 3 per atom
     * @param features atom features, row-major, {@code channels} per atom
     * @throws IllegalArgumentException on empty input, mismatched lengths, non-finite coordinates or
     *                                  a structure wider than the grid's 65,535 cells
     */
    public Voxelization voxelize(double[] xyz, float[] features, int channels) {
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException("coordinate array length " + xyz.length + " is not a multiple of 3");
        }
        int atoms = xyz.length / 3;
        if (atoms == 0) {
            throw new IllegalArgumentException("no atoms to voxelize");
        }
        if (features.length != atoms * channels) {
            throw new IllegalArgumentException("expected " + atoms * channels + " feature values for " + atoms
                    + " atoms, got " + features.length);
        }
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < xyz.length; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw new IllegalArgumentException("atom " + i / 3 + " has a non-finite coordinate");
            }
            min[i % 3] = Math.min(min[i % 3], xyz[i]);
        }
        long[] atomKeys = new long[atoms];
        for (int a = 0; a < atoms; a++) {
            int x = cell(xyz[3 * a], min[0]);
            int y = cell(xyz[3 * a + 1], min[1]);
            int z = cell(xyz[3 * a + 2], min[2]);
            if (!VoxelKeys.inRange(x, y, z)) {
                throw new IllegalArgumentException("structure spans more than " + VoxelKeys.MAX_COORDINATE
                        + " voxels of " + voxelSize + " Å");
            }
            atomKeys[a] = VoxelKeys.pack(0, x, y, z);
        }
        long[] sorted = atomKeys.clone();
        Arrays.sort(sorted);
        int voxels = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[voxels++] = sorted[i];
            }
        }
        LongIntHashMap index = new LongIntHashMap(voxels);
        int[] cells = new int[3 * voxels];
        for (int v = 0; v < voxels; v++) {
            index.putIfAbsent(sorted[v], v);
            cells[3 * v] = VoxelKeys.x(sorted[v]);
            cells[3 * v + 1] = VoxelKeys.y(sorted[v]);
            cells[3 * v + 2] = VoxelKeys.z(sorted[v]);
        }
        int[] atomVoxel = new int[atoms];
        int[] counts = new int[voxels];
        double[] sums = new double[voxels * channels];
        boolean firstAtom = quantization == Quantization.FIRST_ATOM;
        for (int a = 0; a < atoms; a++) {
            int v = index.get(atomKeys[a], -1);
            atomVoxel[a] = v;
            counts[v]++;
            if (firstAtom && counts[v] > 1) {
                continue;                             // the cell keeps its first atom's features
            }
            for (int c = 0; c < channels; c++) {
                sums[v * channels + c] += features[a * channels + c];
            }
        }
        float[] merged = new float[voxels * channels];
        for (int v = 0; v < voxels; v++) {
            double n = firstAtom ? 1 : counts[v];
            for (int c = 0; c < channels; c++) {
                merged[v * channels + c] = (float) (sums[v * channels + c] / n);
            }
        }
        return new Voxelization(cells, merged, channels, atomVoxel);
    }

    private int cell(double coordinate, double min) {
        double scaled = quantization.round((coordinate - min) / voxelSize);
        return scaled > VoxelKeys.MAX_COORDINATE ? VoxelKeys.MAX_COORDINATE + 1 : (int) scaled;
    }
}
