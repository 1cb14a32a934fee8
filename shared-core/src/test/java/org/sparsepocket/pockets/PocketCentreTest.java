package org.sparsepocket.pockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

class PocketCentreTest {

    private static Atom atom(double x, double y, double z) {
        return new Atom(0, "C", "C", new ResidueId("A", 1, ' ', "ALA"), x, y, z, 1, 0);
    }

    private static float[] probabilities(ProteinContext protein, int[] idx) {
        float[] p = new float[idx.length];
        for (int k = 0; k < idx.length; k++) {
            p[k] = protein.probability(idx[k]);
        }
        return p;
    }

    private static Point3 locate(PocketCentre c, ProteinContext protein, int... idx) {
        return c.locate(protein, idx, probabilities(protein, idx));
    }

    @Test
    void weightedMeansFollowThePowerOfTheProbability() {
        ProteinContext protein = new ProteinContext(List.of(atom(0, 0, 0), atom(10, 0, 0), atom(5, 9, 0)),
                new float[] {0.2f, 0.8f, 0.05f});
        assertEquals(5.0, locate(PocketCentre.MEAN, protein, 0, 1).x(), 1e-9);
        assertEquals(8.0, locate(PocketCentre.WEIGHTED, protein, 0, 1).x(), 1e-6);
        assertEquals(10 * 0.64 / 0.68, locate(PocketCentre.WEIGHTED_P2, protein, 0, 1).x(), 1e-5);
        assertEquals(10 * 0.4096 / (0.0016 + 0.4096), locate(PocketCentre.WEIGHTED_P4, protein, 0, 1).x(), 1e-5);
        // top-half: atoms with p ≥ 0.4 (half of 0.8) only
        Point3 top = locate(PocketCentre.TOP_HALF, protein, 0, 1, 2);
        assertEquals(10.0, top.x(), 1e-9);
        assertEquals(0.0, top.y(), 1e-9);
    }

    @Test
    void zeroWeightsFallBackToTheAtomMean() {
        ProteinContext protein = new ProteinContext(List.of(atom(0, 0, 0), atom(4, 0, 0)), new float[] {0f, 0f});
        for (PocketCentre c : List.of(PocketCentre.WEIGHTED, PocketCentre.WEIGHTED_P4, PocketCentre.TOP_HALF,
                PocketCentre.WEIGHTED_BURIED)) {
            assertEquals(2.0, locate(c, protein, 0, 1).x(), 1e-9, c.name());
        }
    }

    /**
     * A protein slab (three layers, z = 0, −1.5, −3; 1.5 Å apart in x and y) whose surface patch around the
     * origin is the pocket: its atom mean lies on the surface, inside the protein envelope.
     */
    private static final class Slab {
        final List<Atom> atoms = new ArrayList<>();
        final List<Integer> patch = new ArrayList<>();
        final float[] p;

        Slab() {
            for (int i = -8; i <= 8; i++) {
                for (int j = -8; j <= 8; j++) {
                    for (int l = 0; l < 3; l++) {
                        if (l == 0 && Math.abs(i) <= 2 && Math.abs(j) <= 2) {
                            patch.add(atoms.size());
                        }
                        atoms.add(atom(1.5 * i, 1.5 * j, -1.5 * l));
                    }
                }
            }
            p = new float[atoms.size()];
            for (int i : patch) {
                p[i] = 0.5f;
            }
        }

        int[] pocket() {
            return patch.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static double nearestAtom(List<Atom> atoms, Point3 c) {
        double m = Double.POSITIVE_INFINITY;
        for (Atom a : atoms) {
            m = Math.min(m, c.distance(new Point3(a.x(), a.y(), a.z())));
        }
        return m;
    }

    @Test
    void snappedCentreLeavesTheProteinForTheNearestPlaceALigandAtomCouldBe() {
        Slab s = new Slab();
        ProteinContext protein = new ProteinContext(s.atoms, s.p);
        Point3 mean = locate(PocketCentre.MEAN, protein, s.pocket());
        assertEquals(0.0, mean.z(), 1e-9);
        assertTrue(nearestAtom(s.atoms, mean) < PocketCentre.CLEARANCE);
        Point3 snapped = locate(PocketCentre.SNAPPED, protein, s.pocket());
        assertTrue(nearestAtom(s.atoms, snapped) > PocketCentre.CLEARANCE, "no protein atom within the clearance");
        assertTrue(snapped.z() > 2.5, "in front of the surface, not behind it: " + snapped);
        assertTrue(snapped.distance(mean) <= 3.5, "the nearest such point: " + snapped);
    }

    @Test
    void snappedCentreKeepsAMeanThatIsAlreadyInEmptySpace() {
        List<Atom> ring = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            double a = 2 * Math.PI * k / 12;
            ring.add(atom(6 * Math.cos(a), 6 * Math.sin(a), 0));
        }
        float[] p = new float[12];
        java.util.Arrays.fill(p, 0.3f);
        ProteinContext protein = new ProteinContext(ring, p);
        int[] all = java.util.stream.IntStream.range(0, 12).toArray();
        Point3 mean = locate(PocketCentre.MEAN, protein, all);
        assertEquals(mean, locate(PocketCentre.SNAPPED, protein, all));
    }

    @Test
    void cavityCentreLiesInEmptySpaceInFrontOfTheMostProbableAtoms() {
        Slab s = new Slab();
        for (int k = 0; k < s.patch.size(); k++) {    // the patch's row at x = −3 is the surest
            s.p[s.patch.get(k)] = k < 5 ? 0.9f : 0.1f;
        }
        ProteinContext protein = new ProteinContext(s.atoms, s.p);
        Point3 c = locate(PocketCentre.CAVITY, protein, s.pocket());
        assertTrue(nearestAtom(s.atoms, c) > PocketCentre.CLEARANCE);
        assertTrue(c.z() > 0 && c.z() < 4.5, "just in front of the surface: " + c);
        assertTrue(c.x() < -1, "pulled toward the surest atoms: " + c);
    }

    @Test
    void buriedCentreLeansToTheAtomsWithMoreProteinAround() {
        Slab s = new Slab();
        ProteinContext protein = new ProteinContext(s.atoms, s.p);
        // one patch atom and one atom at the slab's edge: the patch atom has more protein within 8 Å
        int edge = s.atoms.size() - 3;    // (12, 12, 0)
        Point3 mean = locate(PocketCentre.MEAN, protein, s.patch.get(12), edge);
        Point3 buried = locate(PocketCentre.BURIED, protein, s.patch.get(12), edge);
        assertTrue(buried.x() < mean.x(), "toward the buried atom at the origin: " + buried);
    }

    @Test
    void namesAreStableAndUnknownNamesAreRefused() {
        assertSame(PocketCentre.MEAN, PocketCentre.all().get(0));
        for (PocketCentre c : PocketCentre.all()) {
            assertSame(c, PocketCentre.byName(" " + c.name().toUpperCase(java.util.Locale.ROOT) + " "));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PocketCentre.byName("middle"));
        assertTrue(e.getMessage().contains("middle") && e.getMessage().contains("snapped"), e.getMessage());
        ProteinContext protein = new ProteinContext(List.of(atom(0, 0, 0)), new float[] {1});
        assertThrows(IllegalArgumentException.class, () -> PocketCentre.MEAN.locate(protein, new int[0], new float[0]));
    }
}
