package org.sparsepocket.eval;

import java.util.List;
import java.util.Objects;

/**
 * Every metric for one protein and one tool. Immutable.
 *
 * @param proteinId        protein name
 * @param tool             tool that made the prediction
 * @param pockets          number of pockets the tool predicted
 * @param hits             per criterion (in the evaluator's order), the best rank of each ligand
 * @param residuesAll      residue confusion with the residues of all predicted pockets
 * @param residuesTopN     residue confusion with the residues of the first n pockets only
 * @param averagePrecision per-atom average precision; NaN when the tool gives no per-atom scores
 * @param siteMaxScore     the highest per-atom score among the binding-site atoms: below the pocket
 *                         threshold, no pocket could have found the site; NaN when the tool gives no
 *                         per-atom scores or the protein has no site atom
 */
public record ProteinEvaluation(String proteinId, String tool, int pockets, List<LigandHits> hits,
                                ResidueConfusion residuesAll, ResidueConfusion residuesTopN,
                                double averagePrecision, double siteMaxScore) {

    public ProteinEvaluation {
        Objects.requireNonNull(proteinId, "proteinId");
        Objects.requireNonNull(tool, "tool");
        hits = List.copyOf(hits);
        Objects.requireNonNull(residuesAll, "residuesAll");
        Objects.requireNonNull(residuesTopN, "residuesTopN");
    }

    /** Number of relevant ligands (n). */
    public int ligands() {
        return hits.isEmpty() ? 0 : hits.get(0).ligands();
    }

    /** The hits for the named criterion. */
    public LigandHits hits(String criterion) {
        return hits.stream().filter(h -> h.criterion().equals(criterion)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no criterion " + criterion));
    }
}
