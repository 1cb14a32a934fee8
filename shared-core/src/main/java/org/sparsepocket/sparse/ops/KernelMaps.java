package org.sparsepocket.sparse.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.sparsepocket.sparse.coords.CoordinateManager;
import org.sparsepocket.sparse.coords.OffsetPairs;

import java.util.HashMap;
import java.util.Map;

/**
 * The kernel maps of one batch as native index arrays, uploaded on first use into the forward pass's
 * manager and then shared by every layer of the same level. Not thread-safe: one per forward pass.
 */
public final class KernelMaps {

    private final CoordinateManager coordinates;
    private final NDManager manager;
    private final Map<String, NDArray> uploaded = new HashMap<>();
    private final Map<Integer, Pairs> pairs = new HashMap<>();

    /**
     * {@link OffsetPairs} uploaded: pair inputs (P), output slots (rows, maxSlots), and the split
     * points of the offset groups.
     */
    public record Pairs(NDArray inputs, NDArray slots, long[] splitPoints, int[] groupSizes) {
    }

    /**
     * @param coordinates the batch's coordinate manager
     * @param manager     the forward pass's manager; the uploaded maps live (and die) with it
     */
    public KernelMaps(CoordinateManager coordinates, NDManager manager) {
        this.coordinates = coordinates;
        this.manager = manager;
    }

    public CoordinateManager coordinates() {
        return coordinates;
    }

    public NDManager manager() {
        return manager;
    }

    /**
     * Uploads an index array into the pass's manager. Maps are uploaded on first use, possibly inside a
     * layer's {@link ai.djl.ndarray.NDScope} (inference frees each layer's temporaries), but later
     * layers reuse them: they are taken out of the scope and live as long as the manager.
     */
    private NDArray upload(int[] values, Shape shape) {
        NDArray array = NativeUpload.indices(manager, values, shape);
        NDScope.unregister(array);
        return array;
    }

    /** Number of active voxels at a level. */
    public int size(int level) {
        return coordinates.size(level);
    }

    /** (size(level), 27) neighbour indices; see {@link CoordinateManager#submanifoldMap}. */
    public NDArray submanifold(int level) {
        return uploaded.computeIfAbsent("s" + level, k -> upload(
                coordinates.submanifoldMap(level), new Shape(coordinates.size(level), 27)));
    }

    /** The submanifold map of a level as existing pairs grouped by offset. */
    public Pairs submanifoldPairs(int level) {
        return pairs.computeIfAbsent(level, l -> {
            OffsetPairs p = coordinates.submanifoldPairs(l);
            int[] ends = p.groupEnds();
            long[] splits = new long[ends.length - 1];
            int[] sizes = new int[ends.length];
            for (int k = 0; k < ends.length; k++) {
                sizes[k] = ends[k] - (k == 0 ? 0 : ends[k - 1]);
                if (k < splits.length) {
                    splits[k] = ends[k];
                }
            }
            return new Pairs(upload(p.inputs(), new Shape(p.pairCount())),
                    upload(p.slots(), new Shape(coordinates.size(l), p.maxSlots())),
                    splits, sizes);
        });
    }

    /** (size(level), 8) slots of the kernel-3 transposed conv; see {@link CoordinateManager#transposedSlots}. */
    public NDArray transposedSlots(int level) {
        return uploaded.computeIfAbsent("ts" + level, k -> upload(
                coordinates.transposedSlots(level), new Shape(coordinates.size(level), 8)));
    }

    /** (size(level + 1), kernel^3) child indices; see {@link CoordinateManager#downMap}. */
    public NDArray down(int level, int kernel) {
        return uploaded.computeIfAbsent("d" + level + "k" + kernel, k -> upload(
                coordinates.downMap(level, kernel),
                new Shape(coordinates.size(level + 1), (long) kernel * kernel * kernel)));
    }

    /**
     * Transposed map from {@code level + 1} to {@code level}: (size(level)) for kernel 2,
     * (size(level), 27) for kernel 3; see {@link CoordinateManager#transposedMap}.
     */
    public NDArray transposed(int level, int kernel) {
        return uploaded.computeIfAbsent("t" + level + "k" + kernel, k -> {
            int[] map = coordinates.transposedMap(level, kernel);
            Shape shape = kernel == 2 ? new Shape(map.length) : new Shape(coordinates.size(level), 27);
            return upload(map, shape);
        });
    }
}
