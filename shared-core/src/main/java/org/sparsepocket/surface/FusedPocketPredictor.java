package org.sparsepocket.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionProgress;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.Structure;

/**
 * The network's predictor with the surface's second opinion: per complex, the network's pockets and the
 * surface model's pockets fused into one ranked list ({@link PocketFusion} with the fusion tuned into the
 * surface card). Per-atom probabilities stay the network's. Thread-safe like its two parts.
 */
public final class FusedPocketPredictor implements PocketPredictor {

    private final PocketPredictor network;
    private final SurfaceModel surface;
    private final SurfacePocketFinder finder;
    private final PocketFusion fusion;

    /**
     * @throws PredictionException when the surface card has no tuned fusion
     */
    public FusedPocketPredictor(PocketPredictor network, SurfaceModel surface) {
        this.network = Objects.requireNonNull(network, "network");
        this.surface = Objects.requireNonNull(surface, "surface");
        if (surface.card().fusion() == null) {
            throw new PredictionException("the surface model has no tuned fusion (run sparsepocket surface-eval --apply)");
        }
        this.finder = surface.finder();
        this.fusion = new PocketFusion(surface.card().fusion());
    }

    @Override
    public Prediction predict(Structure structure, PredictionSettings settings) {
        return predict(structure, settings, PredictionProgress.NONE);
    }

    /** The surface points are part of the pockets stage: it is reported again while they are found. */
    @Override
    public Prediction predict(Structure structure, PredictionSettings settings, PredictionProgress progress) {
        // every network pocket takes part in the fusion; the user's maximum applies to the fused list
        Prediction p = network.predict(structure, settings.withPockets(settings.pockets().withMaxPockets(0)), progress);
        List<ComplexPrediction> fused = new ArrayList<>(p.complexes().size());
        for (ComplexPrediction c : p.complexes()) {
            fused.add(fuse(c, settings.pockets().maxPockets()));
            progress.update(PredictionProgress.Stage.POCKETS, fused.size() / (double) p.complexes().size());
        }
        return new Prediction(p.structure(), fused);
    }

    @Override
    public ComplexPrediction predict(Complex complex, float[] probabilities, PocketSettings pockets) {
        return fuse(network.predict(complex, probabilities, pockets.withMaxPockets(0)), pockets.maxPockets());
    }

    /** {@code maxPockets} 0 keeps every fused pocket. */
    private ComplexPrediction fuse(ComplexPrediction c, int maxPockets) {
        var atoms = c.complex().atoms();
        var surfacePockets = finder.find(atoms, AtomFeaturizer.shared().featurize(atoms).matrix(),
                c.probabilities()).pockets();
        List<Pocket> fused = fusion.fuse(c.pockets(), surfacePockets);
        if (maxPockets > 0 && fused.size() > maxPockets) {
            fused = List.copyOf(fused.subList(0, maxPockets));
        }
        return new ComplexPrediction(c.complex(), c.probabilities(), fused);
    }

    @Override
    public float[] probabilities(Complex complex) {
        return network.probabilities(complex);
    }

    @Override
    public PocketSettings recommendedSettings() {
        return network.recommendedSettings();
    }

    @Override
    public PocketSettings recommendedSettings(int rotations) {
        return network.recommendedSettings(rotations);
    }

    @Override
    public int accurateRotations() {
        return network.accurateRotations();
    }

    @Override
    public int rotations() {
        return network.rotations();
    }

    @Override
    public void close() {
        try {
            network.close();
        } finally {
            surface.close();
        }
    }
}
