package org.sparsepocket.io;

import java.util.Locale;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

/**
 * Fixed-column PDB records (wwPDB format v3.3, ATOM/HETATM). The format's limits apply: serials wrap
 * after 99,999, chain IDs are one character (longer mmCIF chain IDs are cut to their first character;
 * the viewer scripts use the same rule, so they select what the file holds), residue names at most 4.
 */
final class PdbFormat {

    private PdbFormat() {
    }

    /** The one-character chain ID written for a chain ({@code ' '} when it has none). */
    static char chain(String chainId) {
        return chainId.isEmpty() ? ' ' : chainId.charAt(0);
    }

    /** An ATOM or HETATM line with the given serial and B-factor. */
    static String atom(boolean het, int serial, Atom a, double bFactor) {
        ResidueId r = a.residue();
        String resName = r.name().length() > 4 ? r.name().substring(0, 4) : r.name();
        return String.format(Locale.ROOT, "%-6s%5d %-4s%4s %c%4d%c   %8.3f%8.3f%8.3f%6.2f%6.2f          %2s  %n",
                het ? "HETATM" : "ATOM", serial % 100_000, atomName(a), String.format("%3s", resName),
                chain(r.chainId()), r.number(), r.insertionCode(), a.x(), a.y(), a.z(),
                Math.min(a.occupancy(), 999.99), bFactor, element(a.element()));
    }

    static String remark(String text) {
        return "REMARK   1 " + text + "\n";
    }

    /** Columns 13-16: names of 1-letter elements start in column 14 unless they fill all four. */
    private static String atomName(Atom a) {
        String n = a.name().length() > 4 ? a.name().substring(0, 4) : a.name();
        if (n.length() < 4 && a.element().length() == 1) {
            n = " " + n;
        }
        return String.format("%-4s", n);
    }

    private static String element(String e) {
        return e.length() > 2 ? e.substring(0, 2).toUpperCase(Locale.ROOT) : e.toUpperCase(Locale.ROOT);
    }
}
