package org.sparsepocket.structure;

import java.util.Locale;
import java.util.Map;

/**
 * PDBQT → PDB text, so BioJava reads PDBQT as PDB with the right elements. PDBQT keeps PDB's columns
 * 1-66 and adds a partial charge (columns 71-76) and an AutoDock atom type (columns 78-79); the element
 * is derived from the type and written to PDB's element columns 77-78. Torsion-tree records (ROOT,
 * BRANCH, TORSDOF, ...) and REMARKs are dropped, AutoDock pseudo-atoms (G0-G3, dummy types) too.
 */
final class PdbqtConverter {

    /** AutoDock 4 / Vina atom types whose element is not simply the type itself. */
    private static final Map<String, String> TYPE_TO_ELEMENT = Map.ofEntries(
            Map.entry("A", "C"),    // aromatic carbon
            Map.entry("C", "C"),
            Map.entry("CG0", "C"), Map.entry("CG1", "C"), Map.entry("CG2", "C"), Map.entry("CG3", "C"),
            Map.entry("N", "N"),
            Map.entry("NA", "N"),   // nitrogen acceptor
            Map.entry("NS", "N"),
            Map.entry("OA", "O"),   // oxygen acceptor
            Map.entry("OS", "O"),
            Map.entry("O", "O"),
            Map.entry("W", "O"),    // hydrated-docking water oxygen
            Map.entry("SA", "S"),   // sulfur acceptor
            Map.entry("S", "S"),
            Map.entry("HD", "H"),   // polar hydrogen (donor)
            Map.entry("HS", "H"),
            Map.entry("H", "H"),
            Map.entry("P", "P"),
            Map.entry("F", "F"),
            Map.entry("CL", "Cl"),
            Map.entry("BR", "Br"),
            Map.entry("I", "I"),
            Map.entry("B", "B"),
            Map.entry("SI", "Si"),
            Map.entry("SE", "Se"),
            Map.entry("MG", "Mg"),
            Map.entry("MN", "Mn"),
            Map.entry("CA", "Ca"),
            Map.entry("FE", "Fe"),
            Map.entry("ZN", "Zn"),
            Map.entry("CU", "Cu"),
            Map.entry("CO", "Co"),
            Map.entry("NI", "Ni"),
            Map.entry("NA+", "Na"),
            Map.entry("K", "K"));

    /** Pseudo-atoms of the AutoDock force field that are no real atoms. */
    private static boolean isPseudoAtom(String type) {
        return type.length() == 2 && type.charAt(0) == 'G' && Character.isDigit(type.charAt(1))
                || "X".equals(type) || "Z".equals(type);
    }

    private PdbqtConverter() {
    }

    /**
     * The element symbol (periodic-table capitalisation) of an AutoDock atom type, or {@code null} when
     * the type is unknown or a pseudo-atom.
     */
    static String elementOf(String autodockType) {
        String t = autodockType.strip().toUpperCase(Locale.ROOT);
        if (t.isEmpty() || isPseudoAtom(t)) {
            return null;
        }
        return TYPE_TO_ELEMENT.get(t);
    }

    /** Rewrites PDBQT text as PDB text. */
    static String toPdb(String pdbqt) {
        StringBuilder out = new StringBuilder(pdbqt.length());
        int start = 0;
        while (start < pdbqt.length()) {
            int end = pdbqt.indexOf('\n', start);
            if (end < 0) {
                end = pdbqt.length();
            }
            String line = pdbqt.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            start = end + 1;
            if (line.startsWith("ATOM  ") || line.startsWith("HETATM")) {
                String converted = convertAtomLine(line);
                if (converted != null) {
                    out.append(converted).append('\n');
                }
            } else if (line.startsWith("TER") || line.startsWith("MODEL") || line.startsWith("ENDMDL")
                    || line.startsWith("END") && !line.startsWith("ENDROOT") && !line.startsWith("ENDBRANCH")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String convertAtomLine(String line) {
        String type = line.length() > 77 ? line.substring(77).strip() : "";
        if (type.isEmpty()) {
            return line;    // no AutoDock type: leave the element to BioJava's own rules
        }
        String upper = type.toUpperCase(Locale.ROOT);
        if (isPseudoAtom(upper)) {
            return null;
        }
        String element = elementOf(upper);
        if (element == null) {
            // An unlisted type that is an element symbol itself (e.g. "Hg"); otherwise leave it blank.
            element = upper.length() <= 2 && upper.chars().allMatch(Character::isLetter) ? upper : "";
        }
        StringBuilder b = new StringBuilder(80);
        b.append(line, 0, Math.min(66, line.length()));
        while (b.length() < 76) {
            b.append(' ');
        }
        String symbol = element.toUpperCase(Locale.ROOT);
        b.append(symbol.length() == 1 ? " " : "").append(symbol);
        return b.toString();
    }
}
