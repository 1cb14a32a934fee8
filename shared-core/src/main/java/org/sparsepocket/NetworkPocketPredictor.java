package org.sparsepocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.sparsepocket.features.Featurization;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.model.RotationAveraging;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.Complexes;
import org.sparsepocket.structure.Structure;

/**
 * The {@link PocketPredictor} over one loaded {@link PocketModel}. Thread-safe: the featurizer and the
 * extractor are stateless, and the model serves concurrent callers (each call in its own native
 * sub-manager with gradients off).
 */
final class NetworkPocketPredictor implements PocketPredictor {

    private final PocketModel model;
    private final RotationAveraging averaging;

    /**
     * @param rotations orientations to average over (checked by the caller; a card's number is checked
     *                  when the card is read), or null for the model card's number
     */
    NetworkPocketPredictor(PocketModel model, Integer rotations) {
        this.model = Objects.requireNonNull(model, "model");
        this.averaging = new RotationAveraging(rotations == null ? model.card().inferenceRotations() : rotations);
    }

    @Override
    public int rotations() {
        return averaging.rotations();
    }

    @Override
    public Prediction predict(Structure structure, PredictionSettings settings) {
        return predict(structure, settings, PredictionProgress.NONE);
    }

    @Override
    public Prediction predict(Structure structure, PredictionSettings settings, PredictionProgress progress) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        if (structure.protein().isEmpty()) {
            throw new PredictionException(structure.name() + ": no protein atoms"
                    + (structure.hetGroups().isEmpty() ? "" : " (only " + structure.hetGroups().size() + " het groups)"));
        }
        ProteinCompleteness.check(structure);
        List<Complex> complexes = Complexes.split(structure, settings.chainMode());
        RotationAveraging averaging = settings.rotations() == null || settings.rotations() == rotations()
                ? this.averaging : new RotationAveraging(settings.rotations());
        PocketExtractor extractor = new PocketExtractor(settings.pockets());
        List<ComplexPrediction> out = new ArrayList<>(complexes.size());
        List<String> warnings = new ArrayList<>(structure.warnings());
        int n = complexes.size();
        for (int k = 0; k < n; k++) {
            Complex c = complexes.get(k);
            double before = k;
            progress.update(PredictionProgress.Stage.FEATURES, before / n);
            Featurization f = model.card().featureProfile().featurize(c.atoms());
            // The complex is named only when it is not the whole structure (the CLI names the structure).
            f.warning().ifPresent(w -> warnings.add(c.name().equals(structure.name()) ? w : c.name() + ": " + w));
            progress.update(PredictionProgress.Stage.NETWORK, before / n);
            RotationAveraging a = averaging;
            float[] p = network(c, f, a, done -> progress.update(PredictionProgress.Stage.NETWORK,
                    (before + (double) done / a.rotations()) / n));
            progress.update(PredictionProgress.Stage.POCKETS, before / n);
            out.add(new ComplexPrediction(c, p, extractor.extract(c.atoms(), p)));
        }
        progress.update(PredictionProgress.Stage.POCKETS, 1);
        Structure reported = warnings.size() == structure.warnings().size() ? structure
                : new Structure(structure.name(), structure.protein(), structure.hetGroups(), warnings);
        return new Prediction(reported, out);
    }

    @Override
    public PocketSettings recommendedSettings() {
        return RecommendedSettings.of(model.card(), rotations());
    }

    @Override
    public PocketSettings recommendedSettings(int rotations) {
        return RecommendedSettings.of(model.card(), rotations);
    }

    @Override
    public int accurateRotations() {
        return model.card().accurateRotations();
    }

    @Override
    public float[] probabilities(Complex complex) {
        return network(complex, model.card().featureProfile().featurize(complex.atoms()), averaging, done -> { });
    }

    private float[] network(Complex c, Featurization f, RotationAveraging averaging, IntConsumer rotationsDone) {
        if (c.atoms().isEmpty()) {
            throw new PredictionException(c.name() + ": no protein atoms");
        }
        double[] xyz = new double[3 * c.atoms().size()];
        int i = 0;
        for (Atom a : c.atoms()) {
            xyz[i++] = a.x();
            xyz[i++] = a.y();
            xyz[i++] = a.z();
        }
        try {
            // The mode's own networks: an accurate mode may be the mean of several (ModelCard.Mode#members).
            return averaging.predict(model.forRotations(averaging.rotations()), xyz, f.matrix(), rotationsDone);
        } catch (PredictionException e) {
            throw new PredictionException(c.name() + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {          // the predictor was closed
            throw new PredictionException(c.name() + ": " + e.getMessage(), e);
        } catch (ai.djl.engine.EngineException e) {    // e.g. native memory exhausted by a huge input
            throw new PredictionException(c.name() + ": the network failed on " + c.atoms().size()
                    + " atoms: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "no detail" : s.lines().findFirst().orElse("no detail").strip();
    }

    @Override
    public void close() {
        model.close();
    }
}
