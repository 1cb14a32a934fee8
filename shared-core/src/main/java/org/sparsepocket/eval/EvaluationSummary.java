package org.sparsepocket.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dataset-level results for one tool. Success rates are over ligands (a protein with two ligands
 * contributes two chances); residue metrics and per-protein average precision are means over proteins;
 * the pooled average precision ranks all atoms of all proteins together. Immutable.
 *
 * @param tool                 tool name
 * @param proteins             proteins evaluated
 * @param ligands              relevant ligands over all proteins
 * @param meanPockets          mean number of predicted pockets per protein
 * @param success              per criterion, the success rates
 * @param residuesAll          mean residue metrics, residues of all pockets
 * @param residuesTopN         mean residue metrics, residues of the first n pockets
 * @param meanAveragePrecision mean per-protein atom average precision (NaN when no tool scores)
 * @param pooledAveragePrecision atom average precision over all atoms together (NaN when none)
 */
public record EvaluationSummary(String tool, int proteins, int ligands, double meanPockets,
                                List<SuccessRate> success, ResidueMetrics residuesAll,
                                ResidueMetrics residuesTopN, double meanAveragePrecision,
                                double pooledAveragePrecision) {

    /** Fractions of ligands found by a pocket ranked within n, within n + 2, and at any rank. */
    public record SuccessRate(String criterion, double cutoff, double topN, double topNPlus2, double anyRank) {
    }

    /** Means over proteins. */
    public record ResidueMetrics(double precision, double recall, double f1, double mcc) {
    }

    public EvaluationSummary {
        Objects.requireNonNull(tool, "tool");
        success = List.copyOf(success);
    }

    /**
     * @param criteria    the criteria the evaluations were made with (for names and cutoffs)
     * @param evaluations one per protein, all of the same tool
     * @param pooledAp    pooled atom average precision (NaN when not available)
     */
    public static EvaluationSummary of(String tool, List<PocketCriterion> criteria,
                                       List<ProteinEvaluation> evaluations, double pooledAp) {
        int proteins = evaluations.size();
        int ligands = evaluations.stream().mapToInt(ProteinEvaluation::ligands).sum();
        List<SuccessRate> rates = new ArrayList<>();
        for (PocketCriterion c : criteria) {
            int topN = 0, topN2 = 0, any = 0;
            for (ProteinEvaluation e : evaluations) {
                LigandHits h = e.hits(c.name());
                topN += h.foundTopN();
                topN2 += h.foundTopNPlus2();
                any += h.foundAny();
            }
            rates.add(new SuccessRate(c.name(), c.cutoff(), frac(topN, ligands), frac(topN2, ligands),
                    frac(any, ligands)));
        }
        double meanPockets = evaluations.stream().mapToInt(ProteinEvaluation::pockets).average().orElse(Double.NaN);
        double meanAp = evaluations.stream().mapToDouble(ProteinEvaluation::averagePrecision)
                .filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
        return new EvaluationSummary(tool, proteins, ligands, meanPockets, rates,
                mean(evaluations, true), mean(evaluations, false), meanAp, pooledAp);
    }

    public SuccessRate success(String criterion) {
        return success.stream().filter(s -> s.criterion().equals(criterion)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no criterion " + criterion));
    }

    private static ResidueMetrics mean(List<ProteinEvaluation> evaluations, boolean all) {
        if (evaluations.isEmpty()) {
            return new ResidueMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = 0, r = 0, f = 0, m = 0;
        for (ProteinEvaluation e : evaluations) {
            ResidueConfusion c = all ? e.residuesAll() : e.residuesTopN();
            p += c.precision();
            r += c.recall();
            f += c.f1();
            m += c.mcc();
        }
        int n = evaluations.size();
        return new ResidueMetrics(p / n, r / n, f / n, m / n);
    }

    private static double frac(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
