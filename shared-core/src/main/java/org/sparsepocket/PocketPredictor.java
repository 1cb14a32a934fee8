package org.sparsepocket;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.sparsepocket.model.PocketModel;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;
import org.sparsepocket.surface.FusedPocketPredictor;
import org.sparsepocket.surface.SurfaceModel;

/**
 * The one way KNIME, Jmol and the CLI ask for pockets: structure in, per-atom probabilities and
 * ranked pockets out. Implementations hold one loaded network and are safe to share between threads.
 *
 * <pre>{@code
 * try (PocketPredictor predictor = PocketPredictor.open()) {
 *     Prediction p = predictor.predict(Path.of("1abc.cif.gz"), PredictionSettings.DEFAULT);
 * }
 * }</pre>
 *
 * Pipeline per complex: {@code Complexes.split(structure, chainMode)} → {@code AtomFeaturizer} →
 * {@code PocketModel.predict} → {@link PocketExtractor}; when the model bundle also holds a surface model
 * (as the shipped one does), the {@code open} methods add its second opinion: surface-point pockets that
 * see the network's probabilities, fused with the network's pockets into one ranked list
 * ({@link FusedPocketPredictor}). Per-atom probabilities stay the network's.
 */
public interface PocketPredictor extends AutoCloseable {

    /**
     * Predicts pockets for every complex of the structure.
     *
     * @throws PredictionException with a one-line message naming the structure and the problem
     */
    Prediction predict(Structure structure, PredictionSettings settings);

    /**
     * As {@link #predict(Structure, PredictionSettings)}, reporting the features, network and pockets
     * stages to {@code progress}; the default reports nothing.
     */
    default Prediction predict(Structure structure, PredictionSettings settings, PredictionProgress progress) {
        return predict(structure, settings);
    }

    /**
     * The network's binding probability for each atom of one complex (same order as its atoms), without
     * clustering: for callers that cluster the same probabilities with several settings (tuning).
     *
     * @throws PredictionException with a one-line message naming the complex and the problem
     */
    float[] probabilities(Complex complex);

    /**
     * The pocket settings this predictor's model recommends: the threshold, DBSCAN radius, minimum size,
     * scorer and centre that {@code sparsepocket tune --apply} chose on the validation set and wrote into
     * the model card for this predictor's rotation count ({@link #rotations()}: the card's entry for that
     * count, else its default settings); for an untuned card {@link PocketSettings#DEFAULT} with the card's
     * best-F1 threshold if it has one. Front ends start from these and apply the user's choices on top.
     */
    PocketSettings recommendedSettings();

    /**
     * The pocket settings the model recommends for probabilities averaged over {@code rotations}
     * orientations: the card's entry tuned for that count ({@code tune --rotations N --apply}) when it has
     * one, else the card's default settings. For callers that choose the count per prediction
     * ({@link PredictionSettings#rotations()}).
     */
    PocketSettings recommendedSettings(int rotations);

    /**
     * The rotation count of the accurate mode: the most rotations the model card has tuned settings for,
     * or 8 when it has none above one (see {@code docs/tta.md}).
     */
    int accurateRotations();

    /**
     * How many orientations of each complex the network's probabilities are averaged over (test-time
     * augmentation, see {@code docs/tta.md}): the model card's {@code rotations} unless the predictor was
     * opened with another number; 1 is the plain prediction.
     */
    int rotations();

    /** One complex: probabilities and ranked pockets. */
    default ComplexPrediction predict(Complex complex, PocketSettings pockets) {
        return predict(complex, probabilities(complex), pockets);
    }

    /**
     * One complex's ranked pockets from probabilities this predictor gave earlier ({@link #probabilities},
     * e.g. cached by an evaluation): no forward pass, the same pockets {@code predict} would give.
     */
    default ComplexPrediction predict(Complex complex, float[] probabilities, PocketSettings pockets) {
        return new ComplexPrediction(complex, probabilities,
                new PocketExtractor(pockets).extract(complex.atoms(), probabilities));
    }

    /**
     * Loads a structure file (PDB, PDBQT, mmCIF, BinaryCIF; plain, gzip or zstd) and predicts.
     *
     * @throws PredictionException naming the file and the problem (unreadable, malformed, no protein, ...)
     */
    default Prediction predict(Path file, PredictionSettings settings) {
        return predict(StructureLoader.load(file), settings);
    }

    /**
     * Parses a structure held in memory and predicts.
     *
     * @param content file content, possibly compressed
     * @param name    the input's name for messages and the structure name (a file name or an ID)
     */
    default Prediction predict(byte[] content, String name, PredictionSettings settings) {
        return predict(StructureLoader.parse(content, name), settings);
    }

    /** Releases the network's native memory; waits for predictions in progress. */
    @Override
    void close();

    /**
     * A predictor over the model shipped in the product.
     *
     * @throws PredictionException when the product has no model or it cannot be loaded
     */
    static PocketPredictor open() {
        return withShippedSurface(new NetworkPocketPredictor(PocketModel.loadBundled(), null));
    }

    /**
     * A predictor over the shipped model averaging over {@code rotations} orientations instead of the
     * card's number.
     *
     * @throws PredictionException when the product has no model or the number is out of range
     */
    static PocketPredictor open(int rotations) {
        PredictionSettings.checkRotations(rotations);
        return withShippedSurface(new NetworkPocketPredictor(PocketModel.loadBundled(), rotations));
    }

    /**
     * A predictor over a model bundle directory (weights + card, as written by {@code sparsepocket train}).
     *
     * @throws PredictionException naming the directory when it is missing or holds no loadable model
     */
    static PocketPredictor open(Path modelDir) {
        return withSurface(new NetworkPocketPredictor(PocketModel.load(modelDir), null), modelDir);
    }

    /**
     * A predictor over a model bundle directory averaging over {@code rotations} orientations instead of
     * the card's number.
     *
     * @throws PredictionException naming the directory, or for a number out of range
     */
    static PocketPredictor open(Path modelDir, int rotations) {
        PredictionSettings.checkRotations(rotations);
        return withSurface(new NetworkPocketPredictor(PocketModel.load(modelDir), rotations), modelDir);
    }

    /**
     * Accurate mode over the shipped model: the most orientations its card has tuned settings for.
     *
     * @throws PredictionException when the product has no model or it cannot be loaded
     */
    static PocketPredictor openAccurate() {
        PocketModel m = PocketModel.loadBundled();
        return withShippedSurface(new NetworkPocketPredictor(m, m.card().accurateRotations()));
    }

    /**
     * Accurate mode over a model bundle directory (see {@link #openAccurate()}).
     *
     * @throws PredictionException naming the directory when it is missing or holds no loadable model
     */
    static PocketPredictor openAccurate(Path modelDir) {
        PocketModel m = PocketModel.load(modelDir);
        return withSurface(new NetworkPocketPredictor(m, m.card().accurateRotations()), modelDir);
    }

    /** The shipped network fused with the shipped surface model when the product has one. */
    private static PocketPredictor withShippedSurface(PocketPredictor network) {
        String folder = PocketModel.BUNDLED_RESOURCE;
        return fused(network, SurfaceModel.isInResource(folder) ? () -> SurfaceModel.loadResource(folder) : null,
                "classpath:" + folder);
    }

    /** The network fused with the surface model in the same bundle folder when the folder has one. */
    private static PocketPredictor withSurface(PocketPredictor network, Path modelDir) {
        return fused(network, SurfaceModel.isIn(modelDir) ? () -> SurfaceModel.load(modelDir) : null,
                modelDir.toString());
    }

    private static PocketPredictor fused(PocketPredictor network, Supplier<SurfaceModel> surface, String origin) {
        if (surface == null) {
            return network;
        }
        SurfaceModel model = null;
        try {
            model = surface.get();
            return new FusedPocketPredictor(network, model);
        } catch (RuntimeException e) {
            if (model != null) {
                model.close();
            }
            network.close();
            if (e instanceof PredictionException p && !p.getMessage().contains(origin)) {
                throw new PredictionException(origin + ": " + p.getMessage(), p);
            }
            throw e;
        }
    }

    /**
     * A predictor over a model already in memory, the network alone (no surface second opinion); closing
     * the predictor closes the model.
     */
    static PocketPredictor of(PocketModel model) {
        return new NetworkPocketPredictor(model, null);
    }

    /**
     * A predictor over a model in memory averaging over {@code rotations} orientations (1 = plain).
     *
     * @throws PredictionException for a number out of range (the model stays open)
     */
    static PocketPredictor of(PocketModel model, int rotations) {
        PredictionSettings.checkRotations(rotations);
        return new NetworkPocketPredictor(model, rotations);
    }
}
