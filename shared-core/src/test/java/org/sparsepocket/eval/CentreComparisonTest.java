package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparsepocket.eval.EvalFixtures.siteAndDecoy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.pockets.PocketCentre;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.pockets.Point3;

class CentreComparisonTest {

    @Test
    void onlyTheCentreDiffersAndTheHalvesSplitTheProteinsBySortedId() {
        PocketCentre far = PocketCentre.named("far", (protein, idx, p) -> new Point3(100, 100, 100));
        // the ring around the ligand only (no decoy), three proteins
        List<Tuner.Case> cases = List.of(siteAndDecoy("c", 0), siteAndDecoy("a", 0), siteAndDecoy("b", 0));
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
