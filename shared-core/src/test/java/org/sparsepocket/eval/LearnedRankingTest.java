package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparsepocket.eval.EvalFixtures.siteAndDecoy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.pockets.LinearPocketScorer;
import org.sparsepocket.pockets.PocketDescriptors;
import org.sparsepocket.pockets.PocketSettings;

class LearnedRankingTest {

    /**
     * Groups of three rows: descriptor 0 is the same for every row of a group (it says nothing about the
     * ranking), descriptor 1 is highest for the hit, which is never the first row.
     */
    @Test
    void fitWeighsTheDescriptorThatSeparatesHitsAndRanksThemFirst() {
        List<RankingFit.Group> groups = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            int hit = 1 + g % 2;
            double[][] x = new double[3][];
            boolean[] labels = new boolean[3];
            for (int i = 0; i < 3; i++) {
                x[i] = new double[] {g, i == hit ? 2 + 0.1 * g : 0.05 * (g % 7) + i * 0.3};
                labels[i] = i == hit;
            }
            groups.add(new RankingFit.Group(x, labels));
        }
        double[] w = RankingFit.fit(groups, 2, 1.0);
        assertTrue(w[1] > 0, "the separating descriptor gets a positive weight: " + w[1]);
        assertTrue(Math.abs(w[0]) < 1e-6 * Math.abs(w[1]), "a descriptor constant within groups stays 0: " + w[0]);
        for (RankingFit.Group g : groups) {
            int best = 0;
            for (int i = 1; i < 3; i++) {
                if (w[1] * g.x()[i][1] > w[1] * g.x()[best][1]) {
                    best = i;
                }
            }
            assertTrue(g.hit()[best]);
        }
        // A stronger penalty shrinks the weight but keeps its sign.
        double[] shrunk = RankingFit.fit(groups, 2, 100.0);
        assertTrue(shrunk[1] > 0 && shrunk[1] < w[1], shrunk[1] + " vs " + w[1]);
    }

    @Test
    void groupsWithoutContrastDoNotMoveTheWeights() {
        double[][] x = {{1, 2}, {3, 4}};
        List<RankingFit.Group> allHits = List.of(new RankingFit.Group(x, new boolean[] {true, true}),
                new RankingFit.Group(x, new boolean[] {false, false}));
        double[] w = RankingFit.fit(allHits, 2, 1.0);
        assertEquals(0.0, w[0]);
        assertEquals(0.0, w[1]);
        assertThrows(IllegalArgumentException.class, () -> RankingFit.fit(allHits, 2, -1));
    }

    @Test
    void crossValidatedLearnedRankingPutsThePlantedSiteFirst() {
        List<Tuner.Case> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(siteAndDecoy("p" + i, 20));
        }
        LearnedRanking learning = new LearnedRanking(Evaluator.standard());
        List<LearnedRanking.Protein> proteins = learning.prepare(cases, PocketSettings.DEFAULT.withThreshold(0.3));
        for (LearnedRanking.Protein p : proteins) {
            assertEquals(2, p.pockets().size());
            assertEquals(PocketDescriptors.NAMES.size(), p.descriptors()[0].length);
            assertEquals(List.of(false, true), List.of(p.hit()[0], p.hit()[1]), "sum ranks the decoy first");
        }
        LearnedRanking.CrossValidation cv = learning.crossValidate(proteins, 2, 7, 1.0);
        assertEquals(0.0, cv.baseline().success("DCA").topN());
        assertEquals(1.0, cv.learned().success("DCA").topN());
        assertEquals(1.0, cv.baseline().success("DCA").topNPlus2());
        assertEquals(2, cv.foldWeights().size());
        LinearPocketScorer all = LearnedRanking.fit(proteins, 1.0);
        assertEquals(1.0, learning.evaluate(proteins, all).success("DCA").topN());
        assertThrows(IllegalArgumentException.class, () -> learning.crossValidate(proteins, 5, 7, 1.0));
    }
}
