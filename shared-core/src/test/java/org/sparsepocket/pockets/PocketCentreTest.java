package org.sparsepocket.pockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

class PocketCentreTest {

    private static Atom atom(double x, double y, double z) {
        return new Atom(0, "C", "C", new ResidueId("A", 1, ' ', "ALA"), x, y, z, 1, 0);
    }

    private static Point3 locate(PocketCentre c, ProteinContext protein, int... idx) {
        float[] p = new float[idx.length];
        for (int k = 0; k < idx.length; k++) {
            p[k] = protein.probability(idx[k]);
        }
        return c.locate(protein, idx, p);
    }

    @Test
    void theMeanIgnoresAndTheWeightedMeanFollowsTheProbabilities() {
        ProteinContext protein = new ProteinContext(List.of(atom(0, 0, 0), atom(10, 0, 0), atom(5, 9, 0)),
                new float[] {0.2f, 0.8f, 0.05f});
        assertEquals(5.0, locate(PocketCentre.MEAN, protein, 0, 1).x(), 1e-9);
        assertEquals(8.0, locate(PocketCentre.WEIGHTED, protein, 0, 1).x(), 1e-6);
        Point3 three = locate(PocketCentre.WEIGHTED, protein, 0, 1, 2);
        assertEquals((8.0 + 0.25) / 1.05, three.x(), 1e-5);
        assertEquals(0.45 / 1.05, three.y(), 1e-5);
    }

    @Test
    void zeroWeightsFallBackToTheAtomMean() {
        ProteinContext protein = new ProteinContext(List.of(atom(0, 0, 0), atom(4, 0, 0)), new float[] {0f, 0f});
        assertEquals(2.0, locate(PocketCentre.WEIGHTED, protein, 0, 1).x(), 1e-9);
    }

    @Test
    void anEmptyPocketIsRefused() {
        ProteinContext protein = new ProteinContext(List.of(atom(0, 0, 0)), new float[] {1});
        assertThrows(IllegalArgumentException.class, () -> PocketCentre.MEAN.locate(protein, new int[0], new float[0]));
        assertThrows(IllegalArgumentException.class, () -> PocketCentre.MEAN.locate(protein, new int[] {0}, new float[0]));
    }
}
