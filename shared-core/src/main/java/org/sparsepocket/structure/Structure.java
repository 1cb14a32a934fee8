package org.sparsepocket.structure;

import java.util.List;
import java.util.Objects;

/**
 * A loaded structure after the loading rules (first model, best alternate location, no hydrogens):
 * the protein heavy atoms, and every other group set aside as a candidate ligand. Immutable.
 *
 * @param name        a short name for reports (file name without extensions, or the PDB ID)
 * @param protein     protein heavy atoms (standard and modified amino acids), in file order
 * @param hetGroups   non-protein groups (ligands, waters, ions, additives); nucleic acids excluded
 * @param warnings    things the loader noticed and the user should know (one line each)
 */
public record Structure(String name, List<Atom> protein, List<Ligand> hetGroups, List<String> warnings) {

    public Structure {
        Objects.requireNonNull(name, "name");
        protein = List.copyOf(protein);
        hetGroups = List.copyOf(hetGroups);
        warnings = List.copyOf(warnings);
    }
}
