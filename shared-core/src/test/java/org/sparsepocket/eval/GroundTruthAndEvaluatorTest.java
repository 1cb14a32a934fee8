package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparsepocket.eval.EvalFixtures.atom;
import static org.sparsepocket.eval.EvalFixtures.ligandOnXAxis;
import static org.sparsepocket.eval.EvalFixtures.pocketAt;
import static org.sparsepocket.eval.EvalFixtures.res;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;

class GroundTruthAndEvaluatorTest {

    // Ligand atom at the origin. Residue 1: an atom 3.9 Å away (binds, labelled). Residue 2: 4.5 Å
    // (does not bind at 4 Å, but its atom is a 5 Å binding-site atom). Residue 3: 20 Å (neither).
    private final List<Atom> protein = List.of(
            atom("A", 1, "SER", 3.9, 0, 0), atom("A", 1, "SER", 8, 0, 0),
            atom("A", 2, "GLY", 0, 4.5, 0),
            atom("A", 3, "LEU", 0, 0, 20));
    private final Ligand ligand = ligandOnXAxis("LIG", 0);

    @Test
    void labelsUseFourAngstromsForResiduesAndFiveForAtoms() {
        GroundTruth t = GroundTruth.of("p", protein, List.of(ligand));
        assertEquals(Set.of(res(1), res(2), res(3)), t.residues());
        assertEquals(Set.of(res(1)), t.bindingResidues());
        assertArrayEquals(new boolean[] {true, false, true, false}, t.atomLabels());
    }

    @Test
    void evaluatorCombinesHitsResiduesAndAtomScores() {
        GroundTruth t = GroundTruth.of("p", protein, List.of(ligand));
        RankedPockets pred = new RankedPockets("tool", "p", List.of(
                pocketAt(2, 1, 1, 0, res(1), res(2)),
                pocketAt(1, 0, 0, 20, res(3))));
        float[] scores = {0.9f, 0.1f, 0.8f, 0.2f};
        ProteinEvaluation e = Evaluator.standard().evaluate(t, pred, scores);
        assertEquals(1, e.ligands());
        assertEquals(2, e.pockets());
        assertArrayEquals(new int[] {2}, e.hits("DCA").bestRank(), "the pocket on the ligand is ranked second");
        assertEquals(0, e.hits("DCA").foundTopN());
        assertEquals(1, e.hits("DCC").foundTopNPlus2());
        // all pockets: predicted {1,2,3}, binding {1}: TP 1, FP 2, FN 0, TN 0
        assertEquals(new ResidueConfusion(1, 2, 0, 0), e.residuesAll());
        // top-n (n = 1) pocket only: predicted {3}: TP 0, FP 1, FN 1, TN 1
        assertEquals(new ResidueConfusion(0, 1, 1, 1), e.residuesTopN());
        assertEquals(1.0, e.averagePrecision(), 1e-12);
    }

    @Test
    void summaryRatesAreOverLigandsAndResidueMetricsAreMeansOverProteins() {
        Ligand far = ligandOnXAxis("FAR", 100);
        GroundTruth one = GroundTruth.of("one", protein, List.of(ligand));
        GroundTruth two = GroundTruth.of("two", protein, List.of(ligand, far));
        EvaluationRun run = new EvaluationRun("tool", Evaluator.standard());
        run.add(one, new RankedPockets("tool", "one", List.of(pocketAt(1, 0, 0, 0, res(1)))), null);
        // protein two (n = 2): its first ligand is found at rank 1, the far one at rank 4 = n + 2
        run.add(two, new RankedPockets("tool", "two", List.of(pocketAt(1, 0, 0, 0, res(1)),
                pocketAt(2, 50, 0, 0), pocketAt(3, 60, 0, 0), pocketAt(4, 100, 0, 0))), null);
        EvaluationSummary s = run.summary();
        assertEquals(2, s.proteins());
        assertEquals(3, s.ligands());
        assertEquals(2.0 / 3, s.success("DCA").topN(), 1e-12);
        assertEquals(1.0, s.success("DCA").topNPlus2(), 1e-12);
        assertEquals(2.5, s.meanPockets(), 1e-12);
        assertEquals(1.0, s.residuesAll().precision(), 1e-12);
        assertTrue(Double.isNaN(s.pooledAveragePrecision()), "no atom scores, no PR-AUC");
    }
}
