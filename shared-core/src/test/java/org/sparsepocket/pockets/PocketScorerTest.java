package org.sparsepocket.pockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

/** The scorers that look at a pocket's geometry and surroundings, on hand-made proteins. */
class PocketScorerTest {

    private static final double SPACING = 2.8;   // ≈ one heavy atom per 22 Å³, about a protein's packing

    private static final int N = 16;
    private static final double TOP = (N - 1) * SPACING;

    /**
     * A 42 Å cube of atoms on a simple cubic lattice whose top face (z = {@link #TOP}) has a ligand-sized
     * hole drilled into it around the axis x = y = 14 Å: a cylinder of radius 4 Å, 11 Å deep. The hole is a
     * buried site; far from it the top face is flat open surface.
     */
    private static List<Atom> blockWithHole() {
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < N; k++) {
                    double x = i * SPACING, y = j * SPACING, z = k * SPACING;
                    if (!inHole(x, y, z)) {
                        atoms.add(atom(atoms.size(), x, y, z));
                    }
                }
            }
        }
        return atoms;
    }

    private static boolean inHole(double x, double y, double z) {
        return (x - 14) * (x - 14) + (y - 14) * (y - 14) < 16 && z > TOP - 11;
    }

    /** The atoms with a lattice neighbour missing because of the hole: its lining. */
    private static int[] lining(List<Atom> atoms) {
        return IntStream.range(0, atoms.size()).filter(i -> {
            Atom a = atoms.get(i);
            for (double[] d : new double[][]{{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}}) {
                if (inHole(a.x() + d[0] * SPACING, a.y() + d[1] * SPACING, a.z() + d[2] * SPACING)) {
                    return true;
                }
            }
            return false;
        }).toArray();
    }

    private static Atom atom(int index, double x, double y, double z) {
        return new Atom(index + 1, "C", "C", new ResidueId("A", index / 8 + 1, ' ', "LEU"), x, y, z, 1, 0);
    }

    /** The {@code count} atoms nearest to (x, y, z), by index. */
    private static int[] nearest(List<Atom> atoms, double x, double y, double z, int count) {
        return IntStream.range(0, atoms.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> {
                    Atom a = atoms.get(i);
                    return (a.x() - x) * (a.x() - x) + (a.y() - y) * (a.y() - y) + (a.z() - z) * (a.z() - z);
                }))
                .limit(count).mapToInt(Integer::intValue).sorted().toArray();
    }

    @Test
    void aBuriedPocketOutranksAnExposedOneWithEqualProbabilities() {
        List<Atom> atoms = blockWithHole();
        // Equal-sized pockets of surface atoms: the lining of the hole, and a patch of the flat top face
        // far from it (the top layer only).
        int[] cleft = lining(atoms);
        List<Atom> topLayer = atoms.stream().filter(a -> a.z() > TOP - 0.1).toList();
        int[] flat = Arrays.stream(nearest(topLayer, 33, 33, TOP, cleft.length))
                .map(k -> atoms.indexOf(topLayer.get(k))).sorted().toArray();
        float[] p = new float[atoms.size()];
        Arrays.fill(p, 0.01f);
        for (int i : cleft) {
            p[i] = 0.6f;
        }
        for (int i : flat) {
            p[i] = 0.6f;
        }
        ProteinContext protein = new ProteinContext(atoms, p);
        PocketContext buried = PocketContext.of(protein, cleft);
        PocketContext exposed = PocketContext.of(protein, flat);
        assertTrue(buried.meanNeighbourCount(10) > 1.2 * exposed.meanNeighbourCount(10),
                buried.meanNeighbourCount(10) + " vs " + exposed.meanNeighbourCount(10));

        // The probability-only scorer cannot tell them apart; the buried ones rank the cleft first.
        assertEquals(PocketScorer.MEAN_SQRT_SIZE.score(buried), PocketScorer.MEAN_SQRT_SIZE.score(exposed), 1e-9);
        for (PocketScorer s : List.of(PocketScorer.BURIED_MEAN_SQRT_SIZE, PocketScorer.BURIED_SUM)) {
            List<Pocket> pockets = new PocketExtractor(new PocketSettings(0.3, 4.0, 3, 0, false, 4.0, s, 0))
                    .extract(atoms, p);
            assertEquals(2, pockets.size(), s.name());
            assertEquals(cleft.length, pockets.get(0).atoms().size(), s.name());
            assertTrue(Math.abs(pockets.get(0).center().x() - 14) < 2 && Math.abs(pockets.get(0).center().y() - 14) < 2,
                    s.name() + ": first pocket at " + pockets.get(0).center());
        }
    }

    @Test
    void buriednessCountsProteinAtomsWithinTheRadiusOfEachPocketAtom() {
        // Three atoms in a row 4 Å apart, and one atom 30 Å away.
        List<Atom> atoms = List.of(atom(0, 0, 0, 0), atom(1, 4, 0, 0), atom(2, 8, 0, 0), atom(3, 38, 0, 0));
        float[] p = {0.5f, 0.5f, 1.0f, 0.9f};
        PocketContext row = PocketContext.of(new ProteinContext(atoms, p), 0, 1, 2);
        // Within 5 Å: the ends see 2 atoms (themselves and the middle one), the middle one 3.
        assertEquals((2 + 3 + 2) / 3.0, row.meanNeighbourCount(5), 1e-12);
        assertEquals(3.0, row.meanNeighbourCount(10), 1e-12);
        double b = 3.0 / 100;
        assertEquals(2.0 * b * b, PocketScorer.BURIED_SUM.score(row), 1e-12);
        assertEquals(2.0 / Math.sqrt(3) * b * b, PocketScorer.BURIED_MEAN_SQRT_SIZE.score(row), 1e-12);
        // Around the centre (4, 0, 0): all three row atoms lie within 10 Å, the far atom does not.
        assertEquals(2.0, PocketScorer.NEIGHBOURHOOD_SUM.score(row), 1e-6);
    }

    @Test
    void neighbourhoodSumCountsProbabilityThatMissedTheThreshold() {
        // Two identical 9-atom pockets 50 Å apart; only the second has atoms just below the threshold
        // around it, i.e. the network half-believes in a larger site there.
        List<Atom> atoms = new ArrayList<>();
        List<Float> probs = new ArrayList<>();
        for (double cx : new double[]{0, 50}) {
            for (int i = 0; i < 9; i++) {
                atoms.add(atom(atoms.size(), cx + (i % 3) * 2.0, (i / 3) * 2.0, 0));
                probs.add(0.5f);
            }
        }
        for (int i = 0; i < 12; i++) {
            atoms.add(atom(atoms.size(), 50 + 2 + 6 * Math.cos(i * Math.PI / 6), 2 + 6 * Math.sin(i * Math.PI / 6), 3));
            probs.add(0.25f);
        }
        float[] p = new float[probs.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = probs.get(i);
        }
        PocketSettings settings = new PocketSettings(0.3, 3.0, 3, 0, false, 4.0, PocketScorer.NEIGHBOURHOOD_SUM, 0);
        List<Pocket> pockets = new PocketExtractor(settings).extract(atoms, p);
        assertEquals(2, pockets.size());
        assertEquals(9, pockets.get(0).atoms().size());
        assertTrue(pockets.get(0).center().x() > 40, "the pocket with probable surroundings first: " + pockets.get(0));
        assertEquals(9 * 0.5 + 12 * 0.25, pockets.get(0).score(), 1e-5);
        assertEquals(9 * 0.5, pockets.get(1).score(), 1e-5);
    }
}
