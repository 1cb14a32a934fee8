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
 * per-atom probabilities, then the facade's pockets from them (the network's {@link PocketExtractor}, and the
 * surface second opinion fused in when the predictor has one). With
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
        Complex whole = whole(item, structure);
        float[] probabilities = probabilities(item, structure, whole);
        var pockets = predictor.predict(whole, probabilities, settings.pockets()).pockets();
        return new Predicted(structure.protein(), RankedPockets.fromPockets(item.id(), pockets), probabilities);
    }

    /** The network's per-atom probabilities for the structure's protein atoms (cached when possible). */
    public float[] probabilities(DatasetItem item, Structure structure) {
        return probabilities(item, structure, null);
    }

    private float[] probabilities(DatasetItem item, Structure structure, Complex whole) {
        if (cache != null) {
            Optional<float[]> hit = cache.get(item.id(), structure.protein());
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        float[] p = predictor.probabilities(whole != null ? whole : whole(item, structure));
        if (cache != null) {
            cache.put(item.id(), structure.protein(), p);
        }
        return p;
    }

    private Complex whole(DatasetItem item, Structure structure) {
        List<Complex> complexes = Complexes.split(structure, settings.chainMode());
        if (complexes.size() != 1 || !complexes.get(0).atoms().equals(structure.protein())) {
            throw new EvaluationException(item.id() + ": the whole-structure complex does not cover exactly "
                    + "the loaded protein atoms");
        }
        return complexes.get(0);
    }
}
