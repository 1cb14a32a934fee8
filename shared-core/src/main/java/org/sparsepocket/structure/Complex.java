package org.sparsepocket.structure;

import java.util.List;
import java.util.Objects;

/**
 * The unit the network sees: a set of protein chains (one, several or all of a structure, see
 * {@link ChainMode}) with the ligands that belong to them. Immutable.
 *
 * @param name     e.g. "1abc" for the whole structure or "1abc_A" for chain A alone
 * @param chainIds chains included, in file order
 * @param atoms    protein heavy atoms of those chains
 * @param ligands  candidate ligands of those chains (all het groups; see {@code LigandFilter} for relevance)
 */
public record Complex(String name, List<String> chainIds, List<Atom> atoms, List<Ligand> ligands) {

    public Complex {
        Objects.requireNonNull(name, "name");
        chainIds = List.copyOf(chainIds);
        atoms = List.copyOf(atoms);
        ligands = List.copyOf(ligands);
    }
}
