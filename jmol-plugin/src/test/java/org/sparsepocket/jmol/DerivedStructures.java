package org.sparsepocket.jmol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PDB files written from {@code examples/1fbl.pdb} for the awkward cases a user may load: no protein,
 * an ensemble, and the record quirks (blank chain, negative residue numbers, insertion codes, alternate
 * locations). Written at test time so nothing large is committed twice.
 */
final class DerivedStructures {

    /** x shift of the second ensemble model: far enough to tell the models apart by coordinates. */
    static final double SECOND_MODEL_SHIFT = 100;

    private DerivedStructures() {
    }

    private static List<String> lines(String record) throws IOException {
        return Files.readAllLines(TestData.example("1fbl.pdb")).stream().filter(l -> l.startsWith(record)).toList();
    }

    private static Path write(Path dir, String name, List<String> lines) throws IOException {
        List<String> out = new ArrayList<>(lines);
        out.add("END");
        return Files.write(dir.resolve(name), out);
    }

    /** The het groups of 1fbl without water: inhibitor, zinc and calcium ions. */
    static Path ligandsOnly(Path dir) throws IOException {
        return write(dir, "1fbl-ligands.pdb", lines("HETATM").stream().filter(l -> !l.startsWith("HOH", 17)).toList());
    }

    /** The crystal waters of 1fbl only. */
    static Path waterOnly(Path dir) throws IOException {
        return write(dir, "1fbl-water.pdb", lines("HETATM").stream().filter(l -> l.startsWith("HOH", 17)).toList());
    }

    /** Two models of the 1fbl protein, the second shifted by {@link #SECOND_MODEL_SHIFT} Å along x. */
    static Path ensemble(Path dir) throws IOException {
        List<String> atoms = lines("ATOM");
        List<String> out = new ArrayList<>();
        out.add("MODEL        1");
        out.addAll(atoms);
        out.add("ENDMDL");
        out.add("MODEL        2");
        atoms.forEach(l -> out.add(shiftX(l, SECOND_MODEL_SHIFT)));
        out.add("ENDMDL");
        return write(dir, "1fbl-ensemble.pdb", out);
    }

    /**
     * The 1fbl protein with a blank chain ID, residues 100-109 renumbered -10..-1, residues 150-159 as
     * 150A..150J, and side chains of 181-184 in two alternate locations: A (occupancy 0.40, as in the file)
     * and B (0.60, shifted 0.5 Å along x).
     */
    static Path quirks(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : lines("ATOM")) {
            int resno = Integer.parseInt(l.substring(22, 26).strip());
            l = l.substring(0, 21) + ' ' + l.substring(22);
            if (resno < 110) {
                l = l.substring(0, 22) + String.format(Locale.ROOT, "%4d", resno - 110) + l.substring(26);
            } else if (resno >= 150 && resno < 160) {
                l = l.substring(0, 22) + " 150" + (char) ('A' + resno - 150) + l.substring(27);
            }
            String name = l.substring(12, 16).strip();
            if (resno >= 181 && resno <= 184 && !List.of("N", "CA", "C", "O").contains(name)) {
                out.add(l.substring(0, 16) + 'A' + l.substring(17, 54) + "  0.40" + l.substring(60));
                out.add(shiftX(l.substring(0, 16) + 'B' + l.substring(17, 54) + "  0.60" + l.substring(60), 0.5));
            } else {
                out.add(l);
            }
        }
        return write(dir, "1fbl-quirks.pdb", out);
    }

    private static String shiftX(String l, double dx) {
        double x = Double.parseDouble(l.substring(30, 38).strip()) + dx;
        return l.substring(0, 30) + String.format(Locale.ROOT, "%8.3f", x) + l.substring(38);
    }
}
