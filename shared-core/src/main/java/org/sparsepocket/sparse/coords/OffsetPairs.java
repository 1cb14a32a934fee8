package org.sparsepocket.sparse.coords;

/**
 * A kernel map regrouped by kernel offset, listing only the neighbour pairs that exist. Sparse
 * grids leave most of a 3x3x3 map empty (about 90 % at 1 Å, 70 % at 2 Å for proteins), and a
 * convolution over this form multiplies only real pairs: gather the inputs of all pairs (grouped by
 * offset), multiply each group by its kernel slice, then sum each output's products by gathering
 * {@link #slots()}.
 *
 * @param inputs     input voxel of every existing pair, grouped by offset (offset 0's pairs first)
 * @param groupEnds  for each offset, the end (exclusive) of its group in {@code inputs}
 * @param slots      per output voxel, {@code maxSlots} positions into the pair list (row-major);
 *                   unused slots hold {@code inputs.length}, the index of a zero row
 * @param maxSlots   the largest number of pairs of one output voxel
 */
public record OffsetPairs(int[] inputs, int[] groupEnds, int[] slots, int maxSlots) {

    /** Number of existing pairs. */
    public int pairCount() {
        return inputs.length;
    }

    /** Regroups a row-major {@code rows x offsets} kernel map whose missing entries equal {@code pad}. */
    public static OffsetPairs of(int[] map, int rows, int offsets, int pad) {
        int[] perRow = new int[rows];
        int[] perOffset = new int[offsets];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < offsets; k++) {
                if (map[i * offsets + k] != pad) {
                    perRow[i]++;
                    perOffset[k]++;
                }
            }
        }
        int maxSlots = 1;
        for (int c : perRow) {
            maxSlots = Math.max(maxSlots, c);
        }
        int[] groupEnds = new int[offsets];
        int[] cursor = new int[offsets];
        int total = 0;
        for (int k = 0; k < offsets; k++) {
            cursor[k] = total;
            total += perOffset[k];
            groupEnds[k] = total;
        }
        int[] inputs = new int[total];
        int[] slots = new int[rows * maxSlots];
        java.util.Arrays.fill(slots, total);
        for (int i = 0; i < rows; i++) {
            int used = 0;
            for (int k = 0; k < offsets; k++) {
                int in = map[i * offsets + k];
                if (in != pad) {
                    int position = cursor[k]++;
                    inputs[position] = in;
                    slots[i * maxSlots + used++] = position;
                }
            }
        }
        return new OffsetPairs(inputs, groupEnds, slots, maxSlots);
    }
}
