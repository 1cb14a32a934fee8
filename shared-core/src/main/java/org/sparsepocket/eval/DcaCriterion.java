package org.sparsepocket.eval;

import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;

/**
 * DCA (distance from the pocket centre to the closest ligand atom): a hit when the pocket centre lies
 * within {@code cutoff} Å of any ligand heavy atom.
 */
public record DcaCriterion(double cutoff) implements PocketCriterion {

    public DcaCriterion {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("DCA cutoff must be positive, got " + cutoff);
        }
    }

    @Override
    public String name() {
        return "DCA";
    }

    /** Distance from the pocket centre to the closest ligand heavy atom. */
    @Override
    public double distance(Ligand ligand, RankedPocket pocket) {
        Point3 c = pocket.center();
        double best = Double.POSITIVE_INFINITY;
        // Ligands have tens of atoms: a direct scan is cheaper than building an index.
        for (Atom a : ligand.atoms()) {
            double dx = a.x() - c.x(), dy = a.y() - c.y(), dz = a.z() - c.z();
            best = Math.min(best, dx * dx + dy * dy + dz * dz);
        }
        return Math.sqrt(best);
    }
}
