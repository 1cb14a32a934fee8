package org.sparsepocket.structure;

import java.util.List;
import java.util.Objects;

/**
 * A candidate ligand: one HETATM group (or one molecule from a separate ligand file) with its heavy
 * atoms. Immutable.
 *
 * @param residue the group's identity (its name is the PDB ligand code, e.g. "ATP")
 * @param atoms   heavy atoms, never empty
 */
public record Ligand(ResidueId residue, List<Atom> atoms) {

    public Ligand {
        Objects.requireNonNull(residue, "residue");
        atoms = List.copyOf(atoms);
        if (atoms.isEmpty()) {
            throw new IllegalArgumentException("ligand " + residue.label() + " has no heavy atoms");
        }
    }

    public String code() {
        return residue.name();
    }
}
