package org.sparsepocket.pockets;

import org.sparsepocket.structure.Atom;

/**
 * Where a pocket's reported centre lies, given its atoms (as indices into the protein) and their network
 * probabilities: the plain atom mean, or the probability-weighted mean when
 * {@link PocketSettings#probabilityWeightedCenter()} says so. Nine other definitions (powers of the
 * probability, buriedness weights, cavity and snapped points) were compared on the validation set and none
 * beat these; their findings are in docs/centre-placement.md, their code in the history before its removal.
 */
public enum PocketCentre {
    /** Plain mean of the atom coordinates. */
    MEAN,
    /** Mean weighted by probability; the plain mean when the probabilities sum to zero. */
    WEIGHTED;

    /**
     * The centre of one pocket.
     *
     * @param protein       the whole protein
     * @param atomIndices   the pocket's atoms, as indices into the protein's atoms (not empty)
     * @param probabilities their probabilities, same order
     * @throws IllegalArgumentException for an empty pocket or a probability count that differs
     */
    public Point3 locate(ProteinContext protein, int[] atomIndices, float[] probabilities) {
        if (atomIndices.length == 0 || atomIndices.length != probabilities.length) {
            throw new IllegalArgumentException("a pocket needs atoms with one probability each, got "
                    + atomIndices.length + " atoms and " + probabilities.length + " probabilities");
        }
        double x = 0, y = 0, z = 0, sum = 0;
        if (this == WEIGHTED) {
            for (int k = 0; k < atomIndices.length; k++) {
                Atom a = protein.atoms().get(atomIndices[k]);
                x += probabilities[k] * a.x();
                y += probabilities[k] * a.y();
                z += probabilities[k] * a.z();
                sum += probabilities[k];
            }
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            x = y = z = 0;
            for (int i : atomIndices) {
                Atom a = protein.atoms().get(i);
                x += a.x();
                y += a.y();
                z += a.z();
            }
            sum = atomIndices.length;
        }
        return new Point3(x / sum, y / sum, z / sum);
    }
}
