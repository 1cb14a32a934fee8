package org.sparsepocket.structure;

import java.util.List;
import java.util.Objects;

/**
 * One residue template in the shape of a Chemical Component Dictionary (CCD) entry: every atom
 * (hydrogens included) with its element and formal charge, and every bond with its order. Immutable;
 * carries no coordinates because the atom features are graph properties.
 *
 * @param code  the CCD code, e.g. "SER"
 * @param atoms all atoms, hydrogens included, in dictionary order
 * @param bonds all bonds between those atoms
 */
public record ChemCompEntry(String code, List<CompAtom> atoms, List<CompBond> bonds) {

    public ChemCompEntry {
        Objects.requireNonNull(code, "code");
        atoms = List.copyOf(atoms);
        bonds = List.copyOf(bonds);
    }

    /**
     * @param name          the atom name used in structure files, e.g. "OG"
     * @param element       element symbol, capitalised as in the periodic table, e.g. "Se"
     * @param formalCharge  formal charge in the dictionary's protonation state
     */
    public record CompAtom(String name, String element, int formalCharge) {
        public CompAtom {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(element, "element");
        }
    }

    /**
     * @param atom1 name of the first atom
     * @param atom2 name of the second atom
     * @param order 1, 2 or 3 (the dictionary gives aromatic rings in Kekulé form)
     */
    public record CompBond(String atom1, String atom2, int order) {
        public CompBond {
            Objects.requireNonNull(atom1, "atom1");
            Objects.requireNonNull(atom2, "atom2");
            if (order < 1 || order > 3) {
                throw new IllegalArgumentException("bond order must be 1, 2 or 3, got " + order);
            }
        }
    }
}
