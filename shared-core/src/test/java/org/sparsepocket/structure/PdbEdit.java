package org.sparsepocket.structure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/** Line edits on PDB text for building test inputs from the committed example. */
final class PdbEdit {

    private PdbEdit() {
    }

    static boolean isAtom(String line) {
        return line.startsWith("ATOM  ") || line.startsWith("HETATM");
    }

    /** ATOM/HETATM lines of residue {@code number} of chain {@code chain}. */
    static Predicate<String> residue(char chain, int number) {
        return l -> isAtom(l) && l.charAt(21) == chain && Integer.parseInt(l.substring(22, 26).strip()) == number;
    }

    /** Applies {@code edit} to the selected lines; an edit may return several lines or none. */
    static String edit(String text, Predicate<String> select, Function<String, List<String>> edit) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (select.test(line)) {
                out.addAll(edit.apply(line));
            } else {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    static String replace(String text, Predicate<String> select, Function<String, String> edit) {
        return edit(text, select, l -> List.of(edit.apply(l)));
    }

    /** Residue name (columns 18-20) and record type of a line. */
    static String rename(String line, String record, String residueName) {
        return String.format(Locale.ROOT, "%-6s", record) + line.substring(6, 17)
                + String.format(Locale.ROOT, "%3s", residueName) + line.substring(20);
    }

    static String chain(String line, char chain) {
        return line.substring(0, 21) + chain + line.substring(22);
    }

    static String move(String line, double dx, double dy, double dz) {
        double x = Double.parseDouble(line.substring(30, 38).strip()) + dx;
        double y = Double.parseDouble(line.substring(38, 46).strip()) + dy;
        double z = Double.parseDouble(line.substring(46, 54).strip()) + dz;
        return line.substring(0, 30) + String.format(Locale.ROOT, "%8.3f%8.3f%8.3f", x, y, z) + line.substring(54);
    }

    static String atomName(String line, String name, String element) {
        String padded = name.length() < 4 && element.length() == 1 ? " " + name : name;
        String base = line.substring(0, 12) + String.format(Locale.ROOT, "%-4s", padded) + line.substring(16);
        return base.substring(0, 76) + String.format(Locale.ROOT, "%2s", element.toUpperCase(Locale.ROOT))
                + (base.length() > 78 ? base.substring(78) : "");
    }

    static String altLoc(String line, char alt, double occupancy) {
        return line.substring(0, 16) + alt + line.substring(17, 54)
                + String.format(Locale.ROOT, "%6.2f", occupancy) + line.substring(60);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
