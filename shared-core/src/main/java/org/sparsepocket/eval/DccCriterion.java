package org.sparsepocket.eval;

import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;

/**
 * DCC (distance between centres): a hit when the pocket centre lies within {@code cutoff} Å of the
 * ligand centre, the unweighted mean of the ligand's heavy atoms.
 */
public record DccCriterion(double cutoff) implements PocketCriterion {

    public DccCriterion {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("DCC cutoff must be positive, got " + cutoff);
        }
    }

    @Override
    public String name() {
        return "DCC";
    }

    /** Distance between the pocket centre and the ligand centre. */
    @Override
    public double distance(Ligand ligand, RankedPocket pocket) {
        return center(ligand).distance(pocket.center());
    }

    /** The ligand centre: mean of its heavy-atom coordinates. */
    public static Point3 center(Ligand ligand) {
        double x = 0, y = 0, z = 0;
        for (Atom a : ligand.atoms()) {
            x += a.x();
            y += a.y();
            z += a.z();
        }
        int n = ligand.atoms().size();
        return new Point3(x / n, y / n, z / n);
    }
}
