package org.sparsepocket.jmol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javajs.util.BS;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.output.PocketColors;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;

/**
 * A prediction mapped back onto the viewer's atoms: per-atom probabilities by Jmol atom index and the
 * pockets numbered over all complexes by score.
 *
 * @param source        the model the prediction was made on
 * @param prediction    the facade's result
 * @param settings      the settings used
 * @param probabilities binding probability per Jmol atom index (0 for atoms not predicted); owned, read-only
 * @param pockets       pockets, best first, numbered 1..n
 * @param seconds       wall time of the prediction
 */
public record ViewerPrediction(ViewerStructure source, Prediction prediction, PredictionSettings settings,
                               float[] probabilities, List<PocketView> pockets, double seconds) {

    public ViewerPrediction {
        pockets = List.copyOf(pockets);
    }

    /** Maps {@code prediction} (made on {@code source.structure()}) back to Jmol atoms. */
    public static ViewerPrediction of(ViewerStructure source, Prediction prediction, PredictionSettings settings,
                                      double seconds) {
        AtomLookup lookup = new AtomLookup(source);
        float[] prob = new float[source.modelSet().ac];
        record Found(String complex, Pocket pocket, BS atoms) { }
        List<Found> found = new ArrayList<>();
        for (ComplexPrediction cp : prediction.complexes()) {
            List<Atom> atoms = cp.complex().atoms();
            float[] p = cp.probabilities();
            for (int i = 0; i < atoms.size(); i++) {
                int j = lookup.jmolIndex(atoms.get(i));
                if (j >= 0) {
                    prob[j] = Math.max(prob[j], p[i]);
                }
            }
            for (Pocket pocket : cp.pockets()) {
                BS bs = new BS();
                for (int k : pocket.atomIndices()) {
                    int j = lookup.jmolIndex(atoms.get(k));
                    if (j >= 0) {
                        bs.set(j);
                    }
                }
                found.add(new Found(cp.complex().name(), pocket, bs));
            }
        }
        // One complex: the predictor's ranks. Several (each-chain): best score first over all of them.
        if (prediction.complexes().size() > 1) {
            found.sort(Comparator.comparingDouble((Found f) -> -f.pocket().score()));
        }
        List<PocketView> views = new ArrayList<>(found.size());
        for (Found f : found) {
            int n = views.size() + 1;
            views.add(new PocketView(n, f.complex(), f.pocket(), PocketColors.rgb(n), f.atoms()));
        }
        return new ViewerPrediction(source, prediction, settings, prob, views, seconds);
    }

    /** Jmol atom index of an atom of the predicted structure: by record, else by residue and atom name. */
    private static final class AtomLookup {
        private final Map<Atom, Integer> byAtom;
        private final Map<String, Integer> byName = new HashMap<>();

        AtomLookup(ViewerStructure source) {
            byAtom = source.jmolIndexByAtom();
            byAtom.forEach((a, j) -> byName.putIfAbsent(key(a), j));
        }

        int jmolIndex(Atom a) {
            Integer j = byAtom.get(a);
            if (j == null) {
                j = byName.get(key(a));
            }
            return j == null ? -1 : j;
        }

        private static String key(Atom a) {
            return a.residue().label() + "/" + a.name();
        }
    }
}
