package org.sparsepocket.pockets;

import java.util.Objects;
import org.sparsepocket.structure.Atom;

/**
 * What a {@link PocketScorer} sees of one pocket: its atoms' probabilities, which protein atoms they are,
 * its centre, and the protein around it ({@link ProteinContext}), so a score can use the pocket's
 * geometry and surroundings, not only its own probabilities. Descriptors are computed on request.
 */
public final class PocketContext {

    private final ProteinContext protein;
    private final int[] atomIndices;
    private final float[] probabilities;
    private final Point3 center;

    /**
     * @param protein       the whole protein
     * @param atomIndices   the pocket's atoms, as indices into the protein's atoms (not empty; not copied)
     * @param probabilities their probabilities, same order (not copied)
     * @param center        the pocket centre
     */
    public PocketContext(ProteinContext protein, int[] atomIndices, float[] probabilities, Point3 center) {
        this.protein = Objects.requireNonNull(protein, "protein");
        this.center = Objects.requireNonNull(center, "center");
        if (atomIndices.length == 0 || atomIndices.length != probabilities.length) {
            throw new IllegalArgumentException("a pocket needs atoms with one probability each, got "
                    + atomIndices.length + " atoms and " + probabilities.length + " probabilities");
        }
        this.atomIndices = atomIndices;
        this.probabilities = probabilities;
    }

    /** A pocket of the given protein atoms, centred on their mean (for callers outside the extractor). */
    public static PocketContext of(ProteinContext protein, int... atomIndices) {
        float[] p = protein.probabilities(atomIndices);
        return new PocketContext(protein, atomIndices.clone(), p, PocketCentre.MEAN.locate(protein, atomIndices, p));
    }

    public ProteinContext protein() {
        return protein;
    }

    /** The probabilities of the pocket's atoms (a view: do not modify). */
    public float[] probabilities() {
        return probabilities;
    }

    public int size() {
        return atomIndices.length;
    }

    public Point3 center() {
        return center;
    }

    /** The k-th pocket atom. */
    public Atom atom(int k) {
        return protein.atoms().get(atomIndices[k]);
    }

    /**
     * Buriedness: the mean number of protein atoms within {@code radius} Å of the pocket's atoms (each atom
     * counting itself). Atoms lining a cleft or cavity have more protein around them than atoms of a flat
     * or convex patch of surface; at 10 Å this is the classic contact-number measure of burial.
     */
    public double meanNeighbourCount(double radius) {
        long total = 0;
        for (int k = 0; k < atomIndices.length; k++) {
            Atom a = atom(k);
            total += protein.countWithin(a.x(), a.y(), a.z(), radius);
        }
        return (double) total / atomIndices.length;
    }

    /**
     * Probability mass around the centre: the sum of the probabilities of all protein atoms within
     * {@code radius} Å of it, whether or not they passed the threshold and joined the pocket.
     */
    public double probabilityAroundCenter(double radius) {
        return protein.probabilityWithin(center.x(), center.y(), center.z(), radius);
    }
}
