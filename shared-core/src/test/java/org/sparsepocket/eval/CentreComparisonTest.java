package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparsepocket.eval.EvalFixtures.atom;
import static org.sparsepocket.eval.EvalFixtures.ligandOnXAxis;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.pockets.PocketCentre;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;

class CentreComparisonTest {

    /** Twelve atoms on a 4 Å ring around a ligand atom at the origin, all with probability 0.5. */
    private static Tuner.Case ring(String id) {
        List<Atom> atoms = new ArrayList<>();
        float[] p = new float[12];
        for (int i = 0; i < 12; i++) {
            double a = 2 * Math.PI * i / 12;
            atoms.add(atom("A", i + 1, "ALA", 4 * Math.cos(a), 4 * Math.sin(a), (i % 2) * 1.0));
            p[i] = 0.5f;
        }
        return new Tuner.Case(GroundTruth.of(id, atoms, List.of(ligandOnXAxis("LIG", 0))), atoms, p);
    }

    @Test
    void onlyTheCentreDiffersAndTheHalvesSplitTheProteinsBySortedId() {
        PocketCentre far = PocketCentre.named("far", (protein, idx, p) -> new Point3(100, 100, 100));
        List<Tuner.Case> cases = List.of(ring("c"), ring("a"), ring("b"));
        List<CentreComparison.Row> rows = new CentreComparison(Evaluator.standard())
                .run(cases, PocketSettings.DEFAULT, List.of(PocketCentre.MEAN, far));
        CentreComparison.Row mean = rows.get(0), moved = rows.get(1);
        EvaluationSummary tuner = new Tuner(Evaluator.standard(), 1).evaluate(cases, PocketSettings.DEFAULT);
        assertEquals(tuner.success("DCA"), mean.all().success("DCA"), "the mean row is the plain evaluation");
        assertEquals(tuner.success("DCC"), mean.all().success("DCC"));
        assertEquals(1.0, mean.all().success("DCA").topN());
        assertEquals(0.0, moved.all().success("DCA").anyRank());
        assertEquals(0.0, moved.all().success("DCC").anyRank());
        assertEquals(tuner.residuesAll(), moved.all().residuesAll(), "the pockets themselves are the same");
        assertEquals(2, mean.even().proteins(), "a and c");
        assertEquals(1, mean.odd().proteins(), "b");
    }
}
