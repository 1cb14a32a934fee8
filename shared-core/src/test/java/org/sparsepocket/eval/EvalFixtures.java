package org.sparsepocket.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.ResidueId;

/** Tiny hand-made structures for metric tests. */
public final class EvalFixtures {

    private EvalFixtures() {
    }

    public static Atom atom(String chain, int resNum, String resName, double x, double y, double z) {
        return new Atom(0, "C", "C", new ResidueId(chain, resNum, ' ', resName), x, y, z, 1, 0);
    }

    /** A ligand whose heavy atoms lie on the x axis at the given x values. */
    public static Ligand ligandOnXAxis(String code, double... xs) {
        List<Atom> atoms = new ArrayList<>();
        for (double x : xs) {
            atoms.add(new Atom(0, "C", "C", new ResidueId("L", 1, ' ', code), x, 0, 0, 1, 0));
        }
        return new Ligand(new ResidueId("L", 1, ' ', code), atoms);
    }

    public static RankedPocket pocketAt(int rank, double x, double y, double z, ResidueKey... residues) {
        return new RankedPocket(rank, -rank, new Point3(x, y, z), Set.of(residues));
    }

    public static ResidueKey res(int number) {
        return new ResidueKey("A", number, ' ');
    }
}
