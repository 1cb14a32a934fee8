package org.sparsepocket.table;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sparsepocket.structure.Atom;

/**
 * Atoms as PDB ATOM/HETATM records (fixed columns of the PDB format 3.3), so that a table cell can be
 * opened by any molecule viewer or converted by a chemistry node. The B-factor column carries a value
 * the caller chooses (the binding probability). PDB columns are narrow: chain IDs are cut to one
 * character and residue names to three, as every PDB writer does for mmCIF-only identifiers.
 */
final class PdbAtomText {

    private static final Set<String> STANDARD = Set.of("ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU",
            "GLY", "HIS", "ILE", "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL", "UNK");

    private PdbAtomText() {
    }

    /**
     * @param atoms    atoms in output order
     * @param bFactors one value per atom for the B-factor column
     */
    static String of(List<Atom> atoms, double[] bFactors) {
        if (bFactors.length != atoms.size()) {
            throw new IllegalArgumentException(bFactors.length + " B-factors for " + atoms.size() + " atoms");
        }
        var sb = new StringBuilder(atoms.size() * 81 + 4);
        for (int i = 0; i < atoms.size(); i++) {
            Atom a = atoms.get(i);
            var r = a.residue();
            String resName = cut(r.name(), 3);
            sb.append(String.format(Locale.ROOT, "%-6s%5d %-4s %3s %c%4d%c   %8.3f%8.3f%8.3f%6.2f%6.2f          %2s",
                    STANDARD.contains(resName) ? "ATOM" : "HETATM",
                    Math.floorMod(a.serial(), 100_000),
                    atomName(a.name(), a.element()),
                    resName,
                    r.chainId().isEmpty() ? ' ' : r.chainId().charAt(0),
                    r.number(),
                    r.insertionCode(),
                    a.x(), a.y(), a.z(),
                    a.occupancy(),
                    bFactors[i],
                    cut(a.element().toUpperCase(Locale.ROOT), 2)));
            sb.append('\n');
        }
        return sb.append("END\n").toString();
    }

    /** PDB alignment: a one-letter element's atom name starts in column 14, others in column 13. */
    private static String atomName(String name, String element) {
        String n = cut(name, 4);
        return n.length() < 4 && element.length() == 1 ? " " + n : n;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
