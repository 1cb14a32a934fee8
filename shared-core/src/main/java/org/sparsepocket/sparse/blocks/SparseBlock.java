package org.sparsepocket.sparse.blocks;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.sparsepocket.sparse.ops.KernelMaps;
import org.sparsepocket.sparse.ops.SparseTensor;

import java.io.DataInputStream;
import java.io.IOException;

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

    /**
     * Inference only: {@code block}'s forward pass with every native array it creates closed when it
     * returns, except its output (which then belongs to the enclosing scope, if any). Arrays that must
     * outlive it (kernel maps uploaded on first use) take themselves out of the scope.
     */
    protected static SparseTensor forwardFreeingTemporaries(SparseBlock block, ParameterStore ps, SparseTensor x) {
        SparseTensor y;
        try (NDScope scope = new NDScope()) {
            y = block.forward(ps, x, false);
            NDScope.unregister(y.features());
        }
        if (y.features() != x.features()) {
            NDScope.register(y.features());
        }
        return y;
    }

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

    /**
     * DJL's traversal (version byte, metadata, own parameters, then children), with each parameter
     * read by {@link ParameterReader}: same file format, same arrays, without DJL's per-array buffers.
     */
    @Override
    public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
        loadMetadata(is.readByte(), is);
        for (Parameter parameter : getDirectParameters().values()) {
            ParameterReader.load(parameter, manager, is);
        }
        for (Block child : getChildren().values()) {
            child.loadParameters(manager, is);
        }
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
