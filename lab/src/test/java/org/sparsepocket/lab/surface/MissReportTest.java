package org.sparsepocket.lab.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sparsepocket.pockets.DockingBox;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.ResidueId;

/** A hand-made protein of two sites 30 Å apart, and one pocket list per kind of miss. */
class MissReportTest {

    private static Atom atom(int i, double x, double y, double z) {
        return new Atom(i, "CA", "C", new ResidueId("A", i, ' ', "ALA"), x, y, z, 1, 0);
    }

    /** Protein atoms 0–3 line site A (around the origin), 4–7 site B (around x = 30). */
    private static final List<Atom> PROTEIN = List.of(atom(0, 3, 0, 0), atom(1, -3, 0, 0), atom(2, 0, 3, 0),
            atom(3, 0, -3, 0), atom(4, 33, 0, 0), atom(5, 27, 0, 0), atom(6, 30, 3, 0), atom(7, 30, -3, 0));

    private static final Ligand LIGAND_A = new Ligand(new ResidueId("B", 1, ' ', "LIG"), List.of(atom(100, 0, 0, 0)));

    private static Pocket pocket(double x, int... atoms) {
        List<Atom> list = new ArrayList<>();
        for (int i : atoms) {
            list.add(PROTEIN.get(i));
        }
        Point3 c = new Point3(x, 0, 0);
        return new Pocket(1, 1, 0.5, 0.5, c, list, atoms, List.of(), new DockingBox(c, 10, 10, 10), 5);
    }

    private static MissReport.Kind kind(Pocket... pockets) {
        return MissReport.classify(PROTEIN, List.of(LIGAND_A), List.of(pockets), "test")[0];
    }

    @Test
    void tellsEachKindOfMiss() {
        Pocket onA = pocket(0.5, 0, 1, 2, 3), onB = pocket(30, 4, 5, 6, 7);
        // site A's atoms, but the centre 6 Å away (a pocket stretched over a neighbouring groove)
        Pocket onAOff = pocket(6, 0, 1, 2, 3, 4);
        // a pocket that touches one of site A's four atoms is not on the site
        Pocket grazing = pocket(20, 0, 4, 5);
        assertEquals(MissReport.Kind.FOUND, kind(onA, onB));
        assertEquals(MissReport.Kind.RANKED_LOWER, kind(onB, onA));
        assertEquals(MissReport.Kind.CENTRE_OFF, kind(onAOff, onB));
        assertEquals(MissReport.Kind.LOWER_CENTRE_OFF, kind(onB, onAOff));
        assertEquals(MissReport.Kind.NOT_DETECTED, kind(onB, grazing));
        assertEquals(MissReport.Kind.NOT_DETECTED, kind());
    }

    @Test
    void countsEveryKind() {
        Map<MissReport.Kind, Integer> c = MissReport.count(List.of(
                new MissReport.Kind[] {MissReport.Kind.FOUND, MissReport.Kind.CENTRE_OFF},
                new MissReport.Kind[] {MissReport.Kind.FOUND}));
        assertArrayEquals(new int[] {2, 1, 0, 0, 0},
                java.util.Arrays.stream(MissReport.Kind.values()).mapToInt(c::get).toArray());
    }
}
