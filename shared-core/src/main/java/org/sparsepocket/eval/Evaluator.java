package org.sparsepocket.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores one tool's ranked pockets for one protein against the truth, with a fixed list of pocket
 * criteria. Stateless apart from its criteria; safe to share between threads.
 */
public final class Evaluator {

    /** DCA and DCC at 4 Å, the project's standard. */
    public static final List<PocketCriterion> STANDARD_CRITERIA = List.of(new DcaCriterion(4.0), new DccCriterion(4.0));

    private final List<PocketCriterion> criteria;

    public Evaluator(List<PocketCriterion> criteria) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("at least one pocket criterion is needed");
        }
        Set<String> names = new HashSet<>();
        for (PocketCriterion c : criteria) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("two criteria named " + c.name());
            }
        }
        this.criteria = List.copyOf(criteria);
    }

    public static Evaluator standard() {
        return new Evaluator(STANDARD_CRITERIA);
    }

    public List<PocketCriterion> criteria() {
        return criteria;
    }

    /**
     * @param truth      the protein's ligands and labels
     * @param prediction the tool's pockets for that protein
     * @param atomScores per-atom scores in the truth's atom order, or null when the tool has none
     */
    public ProteinEvaluation evaluate(GroundTruth truth, RankedPockets prediction, float[] atomScores) {
        if (atomScores != null && atomScores.length != truth.atomCount()) {
            throw new IllegalArgumentException(prediction.proteinId() + ": " + atomScores.length
                    + " atom scores for " + truth.atomCount() + " atoms");
        }
        List<LigandHits> hits = new ArrayList<>(criteria.size());
        for (PocketCriterion c : criteria) {
            hits.add(LigandHits.of(c, truth.ligands(), prediction.pockets()));
        }
        int n = truth.ligands().size();
        ResidueConfusion all = ResidueConfusion.of(truth.residues(), truth.bindingResidues(),
                residuesOf(prediction.pockets()));
        ResidueConfusion topN = ResidueConfusion.of(truth.residues(), truth.bindingResidues(),
                residuesOf(prediction.top(n)));
        boolean[] labels = truth.atomLabels();
        double ap = atomScores == null ? Double.NaN : AveragePrecision.of(atomScores, labels);
        return new ProteinEvaluation(truth.proteinId(), prediction.tool(), prediction.pockets().size(), hits,
                all, topN, ap, atomScores == null ? Double.NaN : siteMax(atomScores, labels));
    }

    private static double siteMax(float[] scores, boolean[] siteAtom) {
        double max = Double.NaN;
        for (int i = 0; i < scores.length; i++) {
            if (siteAtom[i] && !(scores[i] <= max)) {
                max = scores[i];
            }
        }
        return max;
    }

    private static Set<ResidueKey> residuesOf(List<RankedPocket> pockets) {
        Set<ResidueKey> out = new HashSet<>();
        for (RankedPocket p : pockets) {
            out.addAll(p.residues());
        }
        return out;
    }
}
