package org.sparsepocket.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.sparse.coords.VoxelBatch;
import org.sparsepocket.sparse.coords.Voxelization;
import org.sparsepocket.sparse.coords.Quantization;
import org.sparsepocket.sparse.coords.Voxelizer;
import org.sparsepocket.sparse.ops.KernelMaps;
import org.sparsepocket.sparse.ops.NativeUpload;
import org.sparsepocket.sparse.ops.SparseConvolution;
import org.sparsepocket.sparse.ops.SparseTensor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SparseUResNet} with its parameters in native memory: the object training and inference
 * share. Building batches and running forward passes is here; the optimizer loop is the caller's.
 *
 * <p>Every forward pass takes a caller-owned sub-manager ({@code network.manager().newSubManager()})
 * that receives all per-step arrays, so closing it frees them. Concurrent forward passes on one
 * network are safe in inference mode (each with its own sub-manager); training is single-threaded.
 */
public final class PocketNetwork implements AutoCloseable {

    private final NetworkConfig config;
    private final NDManager manager;
    private final SparseUResNet block;
    private final Voxelizer voxelizer;
    private final Voxelizer firstAtomVoxelizer;

    private PocketNetwork(NetworkConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
        this.block = new SparseUResNet(config);
        this.voxelizer = new Voxelizer(config.voxelSize());
        this.firstAtomVoxelizer = new Voxelizer(config.voxelSize(), Quantization.FIRST_ATOM);
    }

    /** A freshly initialized network on DJL's default device (a GPU when one is present). */
    public static PocketNetwork create(NetworkConfig config) {
        return create(config, Engine.getInstance().defaultDevice());
    }

    /** A freshly initialized network on the given device. */
    public static PocketNetwork create(NetworkConfig config, Device device) {
        PocketNetwork network = new PocketNetwork(config, NDManager.newBaseManager(device));
        network.block.initialize(network.manager, DataType.FLOAT32, new Shape(1, config.inputFeatures()));
        return network;
    }

    /**
     * A network of the given architecture with the parameters read from a stream written by
     * {@link #saveWeights}; the architecture must be the one the weights were saved with.
     */
    public static PocketNetwork load(NetworkConfig config, Device device, InputStream weights)
            throws IOException, MalformedModelException {
        PocketNetwork network = new PocketNetwork(config, NDManager.newBaseManager(device));
        try {
            network.block.loadParameters(network.manager, new DataInputStream(weights));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            network.close();
            throw e;
        }
        network.attachGradients();
        return network;
    }

    /**
     * A freshly initialized network whose initial weights are fixed by {@code seed}. This seeds the
     * engine's global random generator, which dropout also draws from.
     */
    public static PocketNetwork create(NetworkConfig config, Device device, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        return create(config, device);
    }

    public NetworkConfig config() {
        return config;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The manager holding the parameters; create per-step sub-managers from it. */
    public NDManager manager() {
        return manager;
    }

    /** The DJL block (for inspection; its parameters are {@link #parameters()}). */
    public SparseUResNet block() {
        return block;
    }

    /** All parameters, including batch-norm running statistics (which need no gradient). */
    public ParameterList parameters() {
        return block.getParameters();
    }

    /** Number of learned (gradient-carrying) scalar parameters. */
    public long learnedParameterCount() {
        long n = 0;
        for (Parameter p : parameters().values()) {
            if (p.requiresGradient()) {
                n += p.getShape().size();
            }
        }
        return n;
    }

    /** Voxelizes one complex on this network's grid (features averaged per voxel). */
    public Voxelization voxelize(ComplexInput complex) {
        return voxelize(complex, Quantization.MEAN);
    }

    /** Voxelizes one complex on this network's grid with the given quantization. */
    public Voxelization voxelize(ComplexInput complex, Quantization quantization) {
        FeatureMatrix f = complex.features();
        int channels = f.values().length / Math.max(1, f.rows());
        if (channels != config.inputFeatures()) {
            throw new IllegalArgumentException("network expects " + config.inputFeatures() + " features per atom, got "
                    + channels);
        }
        Voxelizer grid = quantization == Quantization.FIRST_ATOM ? firstAtomVoxelizer : voxelizer;
        return grid.voxelize(complex.xyz(), f.values(), config.inputFeatures());
    }

    /** One batch of several complexes (batch index = list position), features averaged per voxel. */
    public VoxelBatch batch(List<ComplexInput> complexes) {
        return batch(complexes, Quantization.MEAN);
    }

    /** One batch of several complexes (batch index = list position) with the given quantization. */
    public VoxelBatch batch(List<ComplexInput> complexes, Quantization quantization) {
        List<Voxelization> voxelized = new ArrayList<>(complexes.size());
        for (ComplexInput c : complexes) {
            voxelized.add(voxelize(c, quantization));
        }
        return VoxelBatch.of(voxelized);
    }

    /**
     * Per-voxel logits of a batch, shape (voxels), in the batch's level-0 voxel order.
     *
     * @param step     per-step manager (a sub-manager of {@link #manager()}) that receives all arrays
     * @param training true: batch statistics and dropout (wrap in a GradientCollector to train);
     *                 false: running statistics, no dropout
     */
    public NDArray voxelLogits(NDManager step, VoxelBatch batch, boolean training) {
        KernelMaps maps = new KernelMaps(batch.coordinates(), step);
        NDArray features = NativeUpload.floats(step, batch.features(),
                new Shape(batch.voxelCount(), batch.channels()));
        ParameterStore ps = new ParameterStore(step, false);
        SparseTensor out = block.forward(ps, new SparseTensor(features, 0, maps), training);
        return out.features().reshape(-1);
    }

    /**
     * Per-atom logits of a batch, shape (atoms of all complexes, in order): each atom takes its
     * voxel's logit. This is what the loss sees.
     */
    public NDArray atomLogits(NDManager step, VoxelBatch batch, boolean training) {
        NDArray voxels = voxelLogits(step, batch, training);
        NDArray index = NativeUpload.indices(step, batch.atomVoxel(), new Shape(batch.atomCount()));
        return SparseConvolution.gather(voxels.reshape(-1, 1), index).reshape(-1);
    }

    /** Writes the parameters (DJL's block format) to a stream. */
    public void saveWeights(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        block.saveParameters(data);
        data.flush();
    }

    /** Loaded arrays carry no gradient buffer; learned parameters get one so training can resume. */
    private void attachGradients() {
        for (Parameter p : parameters().values()) {
            if (p.requiresGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
    }

    /** Frees the parameters' native memory. */
    @Override
    public void close() {
        manager.close();
    }
}
