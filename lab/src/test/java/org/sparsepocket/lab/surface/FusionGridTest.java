package org.sparsepocket.lab.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.pockets.DockingBox;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.surface.SurfacePoints;

/** DCA and DCC counted side by side: a pocket next to a long ligand's end is a DCA hit and a DCC miss. */
class FusionGridTest {

    private static final ResidueId LIG = new ResidueId("L", 1, ' ', "LIG");
    private static final ResidueId SER = new ResidueId("A", 1, ' ', "SER");

    @Test
    void countsDcaAndDccForEveryCase() {
        // ligand heavy atoms on the x axis from 0 to 10 Å: centre (5, 0, 0)
        ValidationCase end = caseWithPocketAt("end", 0, 1, 0);      // 1 Å from an atom, 5.1 Å from the centre
        ValidationCase middle = caseWithPocketAt("middle", 5, 1, 0); // 1 Å from both
        ValidationCase away = caseWithPocketAt("away", 30, 0, 0);    // neither
        FusionGrid.CrossGroups hits = new FusionGrid(org.sparsepocket.surface.SurfaceSettings.DEFAULT)
                .all(List.of(end, middle, away), ValidationCase::network);
        assertArrayEquals(new int[] {1, 1, 0}, hits.topN());
        assertArrayEquals(new int[] {0, 1, 0}, hits.dccTopN());
        assertArrayEquals(new int[] {1, 1, 1}, hits.ligands());
        assertEquals(2, hits.score().topN());
        assertEquals(1, hits.dcc(i -> true).topN());
        assertEquals(0, hits.dcc(i -> i == 0).topN(), "only the first case");
        assertEquals(1, hits.dcc(i -> i == 0).ligands());
    }

    @Test
    void rankFusionScoresPocketsByRankAlone() {
        Pocket first = caseWithPocketAt("a", 0, 0, 0).network().get(0);
        Pocket second = org.sparsepocket.surface.PocketFusion.withRankAndScore(first, 2, 0.001);
        List<Pocket> ranked = FusionGrid.byRank(List.of(first, second), 2);
        assertEquals(1 / 3.0, ranked.get(0).score(), 1e-12);
        assertEquals(1 / 4.0, ranked.get(1).score(), 1e-12);
        assertEquals(first.center(), ranked.get(0).center());
        assertEquals(List.of(first, second), FusionGrid.byRank(List.of(first, second), 0), "k = 0: the own scores");
    }

    private static ValidationCase caseWithPocketAt(String id, double x, double y, double z) {
        List<Atom> ligand = new ArrayList<>();
        for (int i = 0; i <= 10; i += 2) {
            ligand.add(new Atom(100 + i, "C" + i, "C", LIG, i, 0, 0, 1, 0));
        }
        List<Atom> protein = List.of(new Atom(1, "OG", "O", SER, 5, 3.5, 0, 1, 0));
        GroundTruth truth = GroundTruth.of(id, protein, List.of(new Ligand(LIG, ligand)));
        Point3 c = new Point3(x, y, z);
        Pocket p = new Pocket(1, 1.0, 0.5, 0.5, c, protein, new int[] {0}, List.of(SER),
                new DockingBox(c, 10, 10, 10), 5);
        return new ValidationCase(id, 0, truth, protein, List.of(p), new SurfacePoints(new float[0], new int[0]),
                new float[0]);
    }
}
