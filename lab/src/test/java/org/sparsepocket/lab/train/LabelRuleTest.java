package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.ResidueId;

class LabelRuleTest {

    private static final ResidueId RES = new ResidueId("A", 1, ' ', "ALA");
    private static final ResidueId LIG = new ResidueId("A", 900, ' ', "ATP");

    private static Atom at(double x, double y, double z, ResidueId r) {
        return new Atom(1, "C", "C", r, x, y, z, 1, 0);
    }

    @Test
    void labelsAtomsWithinTheCutoffOfAnyLigandAtom() {
        List<Atom> protein = List.of(at(0, 0, 0, RES), at(4.99, 0, 0, RES), at(5.01, 0, 0, RES),
                at(20, 0, 0, RES), at(24, 3, 0, RES));
        List<Ligand> ligands = List.of(new Ligand(LIG, List.of(at(0, 0, 0, LIG))),
                new Ligand(LIG, List.of(at(20, 0, 0, LIG), at(24, 0, 0, LIG))));
        assertArrayEquals(new byte[] {1, 1, 0, 1, 1}, LabelRule.DEFAULT.labels(protein, ligands));
        assertArrayEquals(new byte[] {1, 0, 0, 1, 0}, new LabelRule(2.0).labels(protein, ligands));
    }

    @Test
    void noLigandMeansNoBindingSite() {
        assertArrayEquals(new byte[] {0}, LabelRule.DEFAULT.labels(List.of(at(0, 0, 0, RES)), List.of()));
    }

    @Test
    void rejectsNonsenseCutoffs() {
        assertThrows(IllegalArgumentException.class, () -> new LabelRule(0));
        assertThrows(IllegalArgumentException.class, () -> new LabelRule(Double.NaN));
    }
}
