package org.sparsepocket.pockets;

import java.util.List;
import java.util.Objects;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

/**
 * One predicted binding pocket. Immutable.
 *
 * @param rank            1 = most likely binding site
 * @param score           ranking score (higher is better; see {@code PocketScorer})
 * @param meanProbability mean network probability of the pocket's atoms
 * @param maxProbability  highest network probability among the pocket's atoms
 * @param center          pocket centre (atom mean, or probability-weighted, see {@link PocketSettings})
 * @param atoms           the protein atoms of the pocket
 * @param atomIndices     indices of those atoms in the complex's atom list (same order as {@code atoms})
 * @param residues        residues with at least one pocket atom, in chain/number order
 * @param box             docking box covering the pocket plus a margin (AutoDock Vina)
 * @param radius          radius of a sphere around the centre covering the pocket plus margin (PLANTS)
 */
public record Pocket(int rank, double score, double meanProbability, double maxProbability,
                     Point3 center, List<Atom> atoms, int[] atomIndices, List<ResidueId> residues,
                     DockingBox box, double radius) {

    public Pocket {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(box, "box");
        atoms = List.copyOf(atoms);
        atomIndices = atomIndices.clone();
        residues = List.copyOf(residues);
    }

    @Override
    public int[] atomIndices() {
        return atomIndices.clone();
    }
}
