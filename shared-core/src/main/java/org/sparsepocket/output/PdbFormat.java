package org.sparsepocket.output;

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
        StringBuilder sb = new StringBuilder(81);
        atom(sb, het, serial, a, bFactor);
        return sb.toString();
    }

    /**
     * Appends an ATOM or HETATM line (80 columns and a newline). Hand-formatted: whole-structure PDBs
     * have one line per atom, and String.format would dominate the cost of writing them.
     */
    static void atom(StringBuilder sb, boolean het, int serial, Atom a, double bFactor) {
        ResidueId r = a.residue();
        String resName = r.name().length() > 4 ? r.name().substring(0, 4) : r.name();
        sb.append(het ? "HETATM" : "ATOM  ");
        right(sb, Integer.toString(serial % 100_000), 5);
        sb.append(' ');
        sb.append(atomName(a));
        right(sb, resName.length() < 3 ? String.format("%3s", resName) : resName, 4);
        sb.append(' ').append(chain(r.chainId()));
        right(sb, Integer.toString(r.number()), 4);
        sb.append(r.insertionCode()).append("   ");
        fixed(sb, a.x(), 8, 3);
        fixed(sb, a.y(), 8, 3);
        fixed(sb, a.z(), 8, 3);
        fixed(sb, Math.min(a.occupancy(), 999.99), 6, 2);
        fixed(sb, bFactor, 6, 2);
        sb.append("          ");
        right(sb, element(a.element()), 2);
        sb.append("  \n");
    }

    private static void right(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }

    /** {@code %width.decimalsf} for finite values (rounded half away from zero, no "-0.00"). */
    static void fixed(StringBuilder sb, double v, int width, int decimals) {
        if (!Double.isFinite(v)) {
            right(sb, String.valueOf(v), width);
            return;
        }
        long scale = decimals == 3 ? 1000 : decimals == 2 ? 100 : (long) Math.pow(10, decimals);
        long units = Math.round(Math.abs(v) * scale);
        String digits = Long.toString(units / scale);
        String frac = Long.toString(units % scale);
        int len = (units != 0 && v < 0 ? 1 : 0) + digits.length() + 1 + decimals;
        for (int i = len; i < width; i++) {
            sb.append(' ');
        }
        if (units != 0 && v < 0) {
            sb.append('-');
        }
        sb.append(digits).append('.');
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        sb.append(frac);
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
