package org.sparsepocket.pockets;

import java.util.List;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.CellList;

/**
 * The whole protein as pocket scorers see it: every atom, its network probability and a spatial index over
 * the atoms, built on first use (scorers that look only at a pocket's own probabilities never pay for it).
 * One per extraction; the lazily built index is immutable, so a racy second build is harmless.
 */
public final class ProteinContext {

    /** Cell edge of the index: half the 10 Å radii the scorers query. */
    private static final double CELL = 5.0;

    private final List<Atom> atoms;
    private final float[] probabilities;
    private CellList index;

    /**
     * @param atoms         the complex's atoms (not copied; must not change)
     * @param probabilities one per atom, same order (not copied; must not change)
     */
    public ProteinContext(List<Atom> atoms, float[] probabilities) {
        if (atoms.size() != probabilities.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + atoms.size() + " atoms");
        }
        this.atoms = atoms;
        this.probabilities = probabilities;
    }

    public List<Atom> atoms() {
        return atoms;
    }

    public float probability(int atomIndex) {
        return probabilities[atomIndex];
    }

    /** The probabilities of these atoms (indices into {@link #atoms()}), same order; a new array. */
    public float[] probabilities(int[] atomIndices) {
        float[] p = new float[atomIndices.length];
        for (int k = 0; k < atomIndices.length; k++) {
            p[k] = probabilities[atomIndices[k]];
        }
        return p;
    }

    /** Number of protein atoms within {@code radius} Å of (x, y, z), an atom at that point included. */
    public int countWithin(double x, double y, double z, double radius) {
        int[] n = {0};
        index().forEachWithin(x, y, z, radius, i -> n[0]++);
        return n[0];
    }

    /** Calls {@code action} with the index of every protein atom within {@code radius} Å of (x, y, z). */
    public void forEachWithin(double x, double y, double z, double radius, java.util.function.IntConsumer action) {
        index().forEachWithin(x, y, z, radius, action);
    }

    /** Sum of the probabilities of the protein atoms within {@code radius} Å of (x, y, z). */
    public double probabilityWithin(double x, double y, double z, double radius) {
        double[] sum = {0};
        index().forEachWithin(x, y, z, radius, i -> sum[0] += probabilities[i]);
        return sum[0];
    }

    private CellList index() {
        CellList c = index;
        if (c == null) {
            c = CellList.of(atoms, CELL);
            index = c;
        }
        return c;
    }
}
