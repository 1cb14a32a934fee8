package org.sparsepocket.eval;

import java.util.List;
import java.util.Optional;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Structure;

/**
 * SparsePocket itself, through the public facade, on the whole structure (one complex). With a
 * {@link ProbabilityCache}, the network's per-atom probabilities are stored per protein and reused:
 * pockets are then extracted from the cached probabilities with the same {@link PocketExtractor} the
 * facade uses, so changing clustering settings never re-runs the network.
 */
public final class SparsePocketSource implements PredictionSource {

    private final PocketPredictor predictor;
    private final PredictionSettings settings;
    private final ProbabilityCache cache;

    /**
     * @param predictor the facade (one loaded network, shared by all threads)
     * @param settings  pocket settings; the chain mode must be whole-structure
     * @param cache     probability cache, or null for none
     */
    public SparsePocketSource(PocketPredictor predictor, PredictionSettings settings, ProbabilityCache cache) {
        if (!(settings.chainMode() instanceof ChainMode.Whole)) {
            throw new IllegalArgumentException("evaluation predicts whole structures; chain mode must be whole");
        }
        this.predictor = predictor;
        this.settings = settings;
        this.cache = cache;
    }

    @Override
    public String tool() {
        return "sparsepocket";
    }

    @Override
    public Predicted predict(DatasetItem item, Structure structure) {
        float[] probabilities = probabilities(item, structure);
        var pockets = new PocketExtractor(settings.pockets()).extract(structure.protein(), probabilities);
        return new Predicted(structure.protein(), RankedPockets.fromPockets(item.id(), pockets), probabilities);
    }

    /** The network's per-atom probabilities for the structure's protein atoms (cached when possible). */
    public float[] probabilities(DatasetItem item, Structure structure) {
        if (cache != null) {
            Optional<float[]> hit = cache.get(item.id(), structure.protein());
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        Prediction prediction = predictor.predict(structure, settings);
        List<ComplexPrediction> complexes = prediction.complexes();
        if (complexes.size() != 1 || !complexes.get(0).complex().atoms().equals(structure.protein())) {
            throw new EvaluationException(item.id() + ": the whole-structure prediction does not cover exactly "
                    + "the loaded protein atoms");
        }
        float[] p = complexes.get(0).probabilities();
        if (cache != null) {
            cache.put(item.id(), structure.protein(), p);
        }
        return p;
    }
}
