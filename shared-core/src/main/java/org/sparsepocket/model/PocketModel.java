package org.sparsepocket.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import org.sparsepocket.PredictionException;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.sparse.coords.VoxelBatch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A loaded network ready for inference: atoms and features in, one binding probability per atom out.
 * Atoms become voxels as the card's {@link FeatureProfile} says; the features are the caller's, made
 * with the same profile.
 * A model may also be the {@linkplain #mean mean of several networks} (an ensemble, e.g. models trained on
 * different folds): each atom's probability is then the mean of the members' probabilities.
 * Safe to share between threads: each call runs with gradients off in its own native sub-manager,
 * which is closed before the call returns, so nothing native outlives a call.
 */
public final class PocketModel implements AutoCloseable {

    /** Classpath folder of the model shipped in the product. */
    public static final String BUNDLED_RESOURCE = "/org/sparsepocket/model/default/";

    private final List<ModelBundle> members;
    /** Loads a folder of the bundle this model came from; null for a model made in memory. */
    private final Function<String, ModelBundle> bundleFolder;
    /** The networks of the card's modes that name members, loaded when first asked for, by member list. */
    private final Map<List<String>, PocketModel> modeModels = new HashMap<>();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private PocketModel(ModelBundle bundle, Function<String, ModelBundle> bundleFolder) {
        this.members = List.of(bundle);
        this.bundleFolder = bundleFolder;
    }

    private PocketModel(List<ModelBundle> members) {
        this.members = List.copyOf(members);
        this.bundleFolder = null;
    }

    /**
     * The ensemble of {@code models}: each atom's probability is the mean of theirs. The first model's card
     * is the ensemble's (pocket settings, rotations); every model must voxelize and featurize atoms the same
     * way. Takes ownership: closing the ensemble closes the models, and they must not be used on their own.
     *
     * @throws IllegalArgumentException for no models, a closed one, or models with different feature profiles
     */
    public static PocketModel mean(List<PocketModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one model");
        }
        FeatureProfile profile = models.get(0).card().featureProfile();
        List<ModelBundle> all = new ArrayList<>();
        for (PocketModel m : models) {
            if (m.closed) {
                throw new IllegalArgumentException("model " + m.card().name() + " is closed");
            }
            if (!m.card().featureProfile().equals(profile)) {
                throw new IllegalArgumentException("model " + m.card().name() + " featurizes atoms as "
                        + m.card().featureProfile() + ", the first model as " + profile);
            }
            all.addAll(m.members);
        }
        return new PocketModel(all);
    }

    /** How many networks this model averages (1 for a plain model). */
    public int members() {
        return members.size();
    }

    /** Loads a bundle directory. @throws PredictionException naming the directory and the problem */
    public static PocketModel load(Path bundleDir) {
        return new PocketModel(ModelBundle.load(bundleDir), folder -> ModelBundle.load(bundleDir.resolve(folder)));
    }

    /** Loads the model shipped in the product. @throws PredictionException when there is none */
    public static PocketModel loadBundled() {
        if (PocketModel.class.getResource(BUNDLED_RESOURCE + ModelBundle.CARD_FILE) == null) {
            throw new PredictionException("no bundled model: classpath folder " + BUNDLED_RESOURCE
                    + " holds no " + ModelBundle.CARD_FILE + "; pass a model directory instead");
        }
        Device device = Engine.getInstance().defaultDevice();
        return new PocketModel(ModelBundle.loadResource(BUNDLED_RESOURCE, device),
                folder -> ModelBundle.loadResource(BUNDLED_RESOURCE + folder + "/", device));
    }

    /**
     * The model that serves probabilities averaged over {@code rotations} orientations: this one, unless it
     * was loaded from a bundle whose card's mode for that count names member networks
     * ({@link ModelCard.Mode#members()}, e.g. an accurate mode that is the mean of the fold models); their
     * mean is then loaded from the bundle's folders when first asked for, kept, and closed with this model.
     * A model made in memory ({@link #of}, {@link #mean}) is its own network in every mode.
     *
     * @throws PredictionException naming the member folder that cannot be loaded
     */
    public PocketModel forRotations(int rotations) {
        List<String> folders = card().modeFor(rotations).members();
        if (folders.isEmpty() || bundleFolder == null) {
            return this;
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("model is closed");
            }
            synchronized (modeModels) {
                PocketModel m = modeModels.get(folders);
                if (m == null) {
                    m = loadMembers(folders);
                    modeModels.put(folders, m);
                }
                return m;
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private PocketModel loadMembers(List<String> folders) {
        List<PocketModel> loaded = new ArrayList<>();
        try {
            for (String folder : folders) {
                PocketModel member = new PocketModel(bundleFolder.apply(folder), null);
                loaded.add(member);
                if (!member.card().featureProfile().equals(card().featureProfile())) {
                    throw new PredictionException(folder + " featurizes atoms as " + member.card().featureProfile()
                            + ", the bundle as " + card().featureProfile());
                }
            }
            return mean(loaded);
        } catch (RuntimeException e) {
            loaded.forEach(PocketModel::close);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new PredictionException("model " + card().name() + ": member network: " + why, e);
        }
    }

    /**
     * The bundled model's card, read without loading the network or the native engine (for defaults
     * shown before a prediction runs, e.g. in a KNIME dialog); empty when no model is bundled.
     */
    public static Optional<ModelCard> bundledCard() {
        try (InputStream in = PocketModel.class.getResourceAsStream(BUNDLED_RESOURCE + ModelBundle.CARD_FILE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(ModelCard.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:" + BUNDLED_RESOURCE + ModelBundle.CARD_FILE));
        } catch (IOException e) {
            throw new PredictionException("classpath:" + BUNDLED_RESOURCE + ModelBundle.CARD_FILE + ": " + e.getMessage(), e);
        }
    }

    /** Wraps a network in memory (e.g. one just trained) with its card; closing the model closes it. */
    public static PocketModel of(PocketNetwork network, ModelCard card) {
        card.checkCompatible(card.name());
        if (!card.architecture().equals(network.config())) {
            throw new IllegalArgumentException("card architecture does not match the network");
        }
        return new PocketModel(new ModelBundle(card, network), null);
    }

    /** The card: for an ensemble, its first member's. */
    public ModelCard card() {
        return members.get(0).card();
    }

    /**
     * Binding probability of every atom, in input order.
     *
     * @param xyz      coordinates in Å, 3 per atom
     * @param features the atoms' features, same order
     * @throws PredictionException on input the network cannot take (empty, mismatched, too wide)
     */
    public float[] predict(double[] xyz, FeatureMatrix features) {
        return predict(List.of(input(xyz, features))).get(0);
    }

    /**
     * Probabilities for several complexes in one forward pass; each result equals predicting that
     * complex alone (inference uses running batch-norm statistics).
     */
    public List<float[]> predict(List<ComplexInput> complexes) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("model is closed");
            }
            boolean recording = GradientMode.disableForThisThread();
            try {
                return predictWithoutGradients(complexes);
            } finally {
                GradientMode.restore(recording);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<float[]> predictWithoutGradients(List<ComplexInput> complexes) {
        List<float[]> out = predictWithoutGradients(members.get(0), complexes);
        if (members.size() == 1) {
            return out;      // the plain prediction, bit for bit
        }
        List<double[]> sums = new ArrayList<>(out.size());
        for (float[] p : out) {
            sums.add(add(new double[p.length], p));
        }
        for (ModelBundle member : members.subList(1, members.size())) {   // one member at a time: memory of one
            List<float[]> more = predictWithoutGradients(member, complexes);
            for (int b = 0; b < sums.size(); b++) {
                add(sums.get(b), more.get(b));
            }
        }
        List<float[]> mean = new ArrayList<>(sums.size());
        for (double[] sum : sums) {
            mean.add(RotationAveraging.mean(sum, members.size()));
        }
        return mean;
    }

    private static double[] add(double[] sum, float[] p) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += p[i];
        }
        return sum;
    }

    private static List<float[]> predictWithoutGradients(ModelBundle bundle, List<ComplexInput> complexes) {
        PocketNetwork network = bundle.network();
        VoxelBatch batch;
        try {
            batch = network.batch(complexes, bundle.card().featureProfile().quantization());
        } catch (IllegalArgumentException e) {
            throw new PredictionException("cannot voxelize input: " + e.getMessage(), e);
        }
        float[] voxelProbabilities;
        try (NDManager step = network.manager().newSubManager()) {
            NDArray logits = network.voxelLogits(step, batch, false);
            voxelProbabilities = Activation.sigmoid(logits).toFloatArray();
        }
        int[] atomVoxel = batch.atomVoxel();
        List<float[]> out = new ArrayList<>(complexes.size());
        for (int b = 0; b < batch.complexCount(); b++) {
            float[] p = new float[batch.atomCount(b)];
            int offset = batch.atomOffset(b);
            for (int a = 0; a < p.length; a++) {
                p[a] = voxelProbabilities[atomVoxel[offset + a]];
            }
            out.add(p);
        }
        return out;
    }

    private static ComplexInput input(double[] xyz, FeatureMatrix features) {
        try {
            return new ComplexInput(xyz, features);
        } catch (IllegalArgumentException e) {
            throw new PredictionException("invalid network input: " + e.getMessage(), e);
        }
    }

    /** Frees the network; waits for calls in progress. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                members.forEach(ModelBundle::close);
                synchronized (modeModels) {
                    modeModels.values().forEach(PocketModel::close);
                }
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
