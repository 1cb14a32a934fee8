package org.sparsepocket.eval;

import java.util.List;
import java.util.Optional;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.Complexes;
import org.sparsepocket.structure.Structure;

/**
 * SparsePocket itself, through the public facade, on the whole structure (one complex): the facade's
 * per-atom probabilities, then the same {@link PocketExtractor} the facade's {@code predict} uses. With
 * a {@link ProbabilityCache} the probabilities are stored per protein and reused, so changing clustering
 * settings never re-runs the network.
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

    /** The same network and cache, clustering with other pocket settings (no probability is recomputed). */
    public SparsePocketSource withPockets(PocketSettings pockets) {
        return new SparsePocketSource(predictor, new PredictionSettings(settings.chainMode(), pockets), cache);
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
        List<Complex> complexes = Complexes.split(structure, settings.chainMode());
        if (complexes.size() != 1 || !complexes.get(0).atoms().equals(structure.protein())) {
            throw new EvaluationException(item.id() + ": the whole-structure complex does not cover exactly "
                    + "the loaded protein atoms");
        }
        float[] p = predictor.probabilities(complexes.get(0));
        if (cache != null) {
            cache.put(item.id(), structure.protein(), p);
        }
        return p;
    }
}
