package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparsepocket.eval.EvalFixtures.ligandOnXAxis;
import static org.sparsepocket.eval.EvalFixtures.pocketAt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Ligand;

class LigandHitsTest {

    private final DcaCriterion dca = new DcaCriterion(4.0);
    private final Ligand ligandA = ligandOnXAxis("AAA", 0, 1.5);
    private final Ligand ligandB = ligandOnXAxis("BBB", 50, 51.5);

    @Test
    void ligandFoundOnlyAtRankNPlus1CountsForTopNPlus2NotTopN() {
        // n = 1; the first pocket is 30 Å away, the second sits on the ligand.
        LigandHits hits = LigandHits.of(dca, List.of(ligandA),
                List.of(pocketAt(1, 30, 0, 0), pocketAt(2, 0.5, 0, 0)));
        assertArrayEquals(new int[] {2}, hits.bestRank());
        assertEquals(0, hits.foundTopN());
        assertEquals(1, hits.foundTopNPlus2());
        assertEquals(1, hits.foundAny());
    }

    @Test
    void ligandFoundOnlyAtRankNPlus3CountsForNeitherButForAnyRank() {
        LigandHits hits = LigandHits.of(dca, List.of(ligandA), List.of(pocketAt(1, 30, 0, 0),
                pocketAt(2, 31, 0, 0), pocketAt(3, 32, 0, 0), pocketAt(4, 0, 0, 0)));
        assertEquals(0, hits.foundTopN());
        assertEquals(0, hits.foundTopNPlus2());
        assertEquals(1, hits.foundAny());
    }

    @Test
    void twoPocketsOnTheSameLigandCountOnce() {
        // Two ligands (n = 2): pockets 1 and 2 both hit A; B is only hit at rank 3.
        LigandHits hits = LigandHits.of(dca, List.of(ligandA, ligandB),
                List.of(pocketAt(1, 0, 0, 0), pocketAt(2, 1, 1, 0), pocketAt(3, 50, 1, 0)));
        assertArrayEquals(new int[] {1, 3}, hits.bestRank());
        assertEquals(1, hits.foundTopN(), "the duplicate hit on A must not stand in for B");
        assertEquals(2, hits.foundTopNPlus2());
    }

    @Test
    void pocketCountsByPositionInTheRankedListNotByTheToolsRankNumber() {
        // fpocket-like ranks with a gap: the second pocket is still the second position.
        LigandHits hits = LigandHits.of(dca, List.of(ligandA),
                List.of(pocketAt(1, 30, 0, 0), pocketAt(7, 0, 0, 0)));
        assertArrayEquals(new int[] {2}, hits.bestRank());
    }

    @Test
    void noPocketsFindNothing() {
        LigandHits hits = LigandHits.of(dca, List.of(ligandA, ligandB), List.of());
        assertArrayEquals(new int[] {0, 0}, hits.bestRank());
        assertEquals(0, hits.foundTopNPlus2());
    }

    @Test
    void nearestDistanceTellsANearMissFromNothingClose() {
        // A (atoms at x = 0 and 1.5): the only pocket is 6 Å beyond its far atom, a near miss at any rank.
        // B (x = 50, 51.5): that pocket is 42.5 Å from B's closest atom.
        LigandHits hits = LigandHits.of(dca, List.of(ligandA, ligandB), List.of(pocketAt(1, 7.5, 0, 0)));
        assertArrayEquals(new int[] {0, 0}, hits.bestRank());
        assertArrayEquals(new double[] {6.0, 42.5}, hits.nearest(), 1e-9);
        // DCC measures to the ligand centre (x = 0.75) instead.
        LigandHits dcc = LigandHits.of(new DccCriterion(4.0), List.of(ligandA), List.of(pocketAt(1, 7.5, 0, 0)));
        assertArrayEquals(new double[] {6.75}, dcc.nearest(), 1e-9);
    }

    @Test
    void nearestDistanceIsTheMinimumOverAllRanksAndInfiniteWithoutPockets() {
        LigandHits hits = LigandHits.of(dca, List.of(ligandA),
                List.of(pocketAt(1, 30, 0, 0), pocketAt(2, 1.0, 0, 0), pocketAt(3, 0.5, 3, 0)));
        assertArrayEquals(new int[] {2}, hits.bestRank());
        assertArrayEquals(new double[] {0.5}, hits.nearest(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, LigandHits.of(dca, List.of(ligandA), List.of()).nearest()[0]);
    }
}
