package org.sparsepocket.structure;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Signs that a structure file was cut short (an interrupted download or copy), checked before parsing
 * because the parsers read what is there and say nothing: a PDB cut mid-file predicted with 59 % of its
 * atoms and exit 0, and a cut mmCIF failed with Java's "Index 3366 out of bounds for length 3366".
 *
 * <p>What is certain is an error: the last ATOM/HETATM record cut before the end of its coordinates; a
 * first MODEL without ENDMDL; an mmCIF {@code _atom_site} table whose values do not fill its last row.
 * What is only likely is a warning: a PDB (not PDBQT, whose writers omit it) without an END record, which
 * is what a file cut exactly at a line end looks like, but also what some programs write.
 */
final class TruncatedInput {

    /** Columns 31–54 hold x, y, z: a record shorter than this lost its coordinates. */
    private static final int COORDINATES_END = 54;

    private TruncatedInput() {
    }

    /** Throws when PDB or PDBQT text is certainly cut short; returns a warning when it may be. */
    static Optional<String> checkPdb(String input, String text, boolean pdbqt) {
        String[] lines = text.split("\r?\n|\r", -1);
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        if (last < 0) {
            return Optional.empty();
        }
        String tail = lines[last];
        if ((tail.startsWith("ATOM  ") || tail.startsWith("HETATM")) && tail.stripTrailing().length() < COORDINATES_END) {
            throw new StructureException(input, "truncated file: the last line (" + (last + 1) + ") ends inside an "
                    + tail.substring(0, 6).strip() + " record, before the end of its coordinates");
        }
        boolean model = false;
        boolean end = false;
        for (int i = 0; i <= last; i++) {
            String l = lines[i];
            if (l.startsWith("MODEL")) {
                model = true;
            } else if (l.startsWith("ENDMDL")) {
                if (!model) {
                    continue;
                }
                return Optional.empty();   // the first model, the only one used, is complete
            } else if (l.startsWith("END") && (l.length() == 3 || l.charAt(3) == ' ')) {
                end = true;
            }
        }
        if (model) {
            throw new StructureException(input, "truncated file: MODEL without ENDMDL (the first model is not complete)");
        }
        if (!end && !pdbqt) {
            return Optional.of("no END record: the file may be cut short (check that it is complete)");
        }
        return Optional.empty();
    }

    /** Throws when the mmCIF text's {@code _atom_site} table ends inside a row. */
    static void checkMmcif(String input, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n|\r", -1);
        int i = 0;
        while (i < lines.length && !(lines[i].strip().equals("loop_") && i + 1 < lines.length
                && lines[i + 1].strip().toLowerCase(java.util.Locale.ROOT).startsWith("_atom_site."))) {
            i++;
        }
        if (i >= lines.length) {
            return;   // no looped _atom_site: BioJavaReader names that problem
        }
        int columns = 0;
        i++;
        while (i < lines.length && lines[i].strip().toLowerCase(java.util.Locale.ROOT).startsWith("_atom_site.")) {
            columns++;
            i++;
        }
        long values = 0;
        for (; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("#") || l.startsWith("loop_") || l.startsWith("_") || l.startsWith("data_")) {
                break;
            }
            values += countValues(l);
        }
        if (columns > 0 && values % columns != 0) {
            throw new StructureException(input, "truncated file: the _atom_site table ends inside a row ("
                    + values % columns + " of " + columns + " values in the last row)");
        }
    }

    /** CIF values on one line: whitespace-separated, '...' or "..." quoted (a quote ends before whitespace). */
    static int countValues(String line) {
        int n = 0;
        int i = 0;
        int len = line.length();
        while (i < len) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            n++;
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < len && !(line.charAt(j) == c && (j + 1 == len || Character.isWhitespace(line.charAt(j + 1))))) {
                    j++;
                }
                i = j + 1;
            } else {
                while (i < len && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
            }
        }
        return n;
    }
}
