package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparsepocket.eval.EvalFixtures.atom;
import static org.sparsepocket.eval.EvalFixtures.ligandOnXAxis;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.pockets.LinearPocketScorer;
import org.sparsepocket.pockets.PocketDescriptors;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Atom;

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

    /**
     * A ring of twelve atoms at probability 0.5 around a ligand at the origin, and a decoy 40 Å away: a line
     * of twenty atoms at 0.9. Summing probabilities ranks the decoy first; every protein is alike, so the
     * weights learned on the others put the small, ring-shaped site first in the held-out fold.
     */
    private static Tuner.Case siteAndBigDecoy(String id) {
        List<Atom> atoms = new ArrayList<>();
        List<Float> p = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double a = 2 * Math.PI * i / 12;
            atoms.add(atom("A", i + 1, "ALA", 4 * Math.cos(a), 4 * Math.sin(a), (i % 2) * 1.0));
            p.add(0.5f);
        }
        for (int i = 0; i < 20; i++) {
            atoms.add(atom("B", i + 1, "ALA", 40 + i, 0, 0));
            p.add(0.9f);
        }
        float[] probs = new float[p.size()];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = p.get(i);
        }
        return new Tuner.Case(GroundTruth.of(id, atoms, List.of(ligandOnXAxis("LIG", 0))), atoms, probs);
    }

    @Test
    void crossValidatedLearnedRankingPutsThePlantedSiteFirst() {
        List<Tuner.Case> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(siteAndBigDecoy("p" + i));
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
