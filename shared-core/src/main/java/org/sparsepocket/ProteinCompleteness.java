package org.sparsepocket;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.Structure;

/**
 * Refuses protein parts the network cannot read: a C-alpha trace (most residues only a CA atom: the
 * network was trained on all heavy atoms and predicts noise on a trace) and a single residue (no
 * surface to hold a binding site). Both would otherwise give confident-looking pockets or silently none.
 */
final class ProteinCompleteness {

    private ProteinCompleteness() {
    }

    /** Throws a {@link PredictionException} "{@code name}: problem" when the protein part is unusable. */
    static void check(Structure structure) {
        Map<ResidueId, Integer> atoms = new LinkedHashMap<>();
        Map<ResidueId, Boolean> onlyCa = new LinkedHashMap<>();
        for (Atom a : structure.protein()) {
            atoms.merge(a.residue(), 1, Integer::sum);
            onlyCa.merge(a.residue(), "CA".equals(a.name()), Boolean::logicalAnd);
        }
        int residues = atoms.size();
        if (residues == 1) {
            ResidueId r = atoms.keySet().iterator().next();
            int n = atoms.get(r);
            throw new PredictionException(structure.name() + ": only one protein residue (" + r.label() + ", " + n
                    + (n == 1 ? " atom" : " atoms") + "); a binding site needs a protein");
        }
        long caOnly = onlyCa.values().stream().filter(b -> b).count();
        if (2 * caOnly > residues) {
            throw new PredictionException(structure.name() + ": a C-alpha trace (" + caOnly + " of " + residues
                    + " residues have only a CA atom); the network needs all heavy atoms");
        }
    }
}
