package org.sparsepocket.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

class SurfacePointsTest {

    static Atom atom(String element, double x, double y, double z) {
        return new Atom(1, element, element, new ResidueId("A", 1, ' ', "GLY"), x, y, z, 1, 0);
    }

    @Test
    void aSingleAtomGivesASphereOfPointsAtVdwPlusProbe() {
        SurfacePoints p = SurfacePoints.of(List.of(atom("C", 1, 2, 3)), 1.6, 40);
        assertEquals(40, p.size());
        double sx = 0, sy = 0, sz = 0;
        for (int i = 0; i < p.size(); i++) {
            double d = Math.sqrt(Math.pow(p.x(i) - 1, 2) + Math.pow(p.y(i) - 2, 2) + Math.pow(p.z(i) - 3, 2));
            assertEquals(1.7 + 1.6, d, 1e-5);
            assertEquals(0, p.atom()[i]);
            sx += p.x(i);
            sy += p.y(i);
            sz += p.z(i);
        }
        // spread evenly: the points' mean is the atom
        assertEquals(1, sx / p.size(), 0.05);
        assertEquals(2, sy / p.size(), 0.05);
        assertEquals(3, sz / p.size(), 0.05);
    }

    @Test
    void buriedPointsAreAbsent() {
        // A carbon enclosed by six carbons 1.5 Å away: none of its points is accessible.
        List<Atom> atoms = new ArrayList<>();
        atoms.add(atom("C", 0, 0, 0));
        double[][] dirs = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (double[] d : dirs) {
            atoms.add(atom("C", 1.5 * d[0], 1.5 * d[1], 1.5 * d[2]));
        }
        SurfacePoints p = SurfacePoints.of(atoms, 1.6, 60);
        int[] owner = p.atom();
        for (int i = 0; i < p.size(); i++) {
            assertTrue(owner[i] != 0, "the enclosed atom has an accessible point");
            for (Atom a : atoms) {   // every kept point lies outside every atom's accessible sphere
                double d = Math.sqrt(Math.pow(p.x(i) - a.x(), 2) + Math.pow(p.y(i) - a.y(), 2) + Math.pow(p.z(i) - a.z(), 2));
                assertTrue(d >= 3.3 - 1e-4, "point " + i + " is " + d + " Å from an atom");
            }
        }
        assertTrue(p.size() > 0 && p.size() < 6 * 60);
    }

    @Test
    void twoTouchingAtomsLoseTheFacingPoints() {
        SurfacePoints p = SurfacePoints.of(List.of(atom("O", 0, 0, 0), atom("N", 2, 0, 0)), 1.6, 100);
        assertTrue(p.size() < 200);
        for (int i = 0; i < p.size(); i++) {   // no point between the two atoms
            assertTrue(!(p.x(i) > 0.2 && p.x(i) < 1.8 && Math.hypot(p.y(i), p.z(i)) < 1.0));
        }
    }
}
