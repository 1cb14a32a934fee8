package org.sparsepocket.sparse.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.sparsepocket.sparse.ops.KernelMaps;
import org.sparsepocket.sparse.ops.SparseTensor;

/**
 * A DJL block over sparse tensors. Subclasses implement {@link #forward(ParameterStore, SparseTensor,
 * boolean)}; the generic DJL entry point also works, with the features as the single input and the
 * kernel maps and level passed as the {@link #MAPS} and {@link #LEVEL} parameters.
 *
 * <p>Parameter shapes are fixed by the constructor (they never depend on the number of voxels), so
 * any input shape initializes the block. Blocks hold no per-call state: one block may serve
 * concurrent forward passes, each with its own {@link ParameterStore} and kernel maps.
 */
public abstract class SparseBlock extends AbstractBlock {

    /** Name of the {@link KernelMaps} parameter of the generic DJL forward. */
    public static final String MAPS = "sparse.maps";
    /** Name of the level ({@link Integer}) parameter of the generic DJL forward. */
    public static final String LEVEL = "sparse.level";

    protected SparseBlock(byte version) {
        super(version);
    }

    /** Applies the block to a sparse tensor. */
    public abstract SparseTensor forward(ParameterStore parameterStore, SparseTensor input, boolean training);

    /** Output channels for the given input channels. */
    public abstract long outputChannels(long inputChannels);

    @Override
    protected final NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                           PairList<String, Object> params) {
        if (params == null || !(params.get(MAPS) instanceof KernelMaps maps)
                || !(params.get(LEVEL) instanceof Integer level)) {
            throw new IllegalArgumentException("a sparse block needs the '" + MAPS + "' and '" + LEVEL + "' parameters");
        }
        SparseTensor in = new SparseTensor(inputs.singletonOrThrow(), level, maps);
        return new NDList(forward(parameterStore, in, training).features());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{new Shape(-1, outputChannels(inputShapes[0].get(1)))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }
}
