package org.sparsepocket.eval;

import java.util.Optional;
import org.sparsepocket.pockets.Point3;

/**
 * One ATOM/HETATM line of another tool's pocket file, read by PDB's fixed columns. These files are
 * PDB dialects that general parsers reject (fpocket writes serials such as "1975f" and HEADER lines
 * inside the atom list, PUResNet leaves the element column out), and only the residue identity,
 * coordinates and occupancy are needed here, so they are read directly rather than through the
 * structure loader.
 *
 * @param record    "ATOM" or "HETATM"
 * @param atomName  atom name, trimmed
 * @param resName   residue name, trimmed
 * @param residue   chain, number and insertion code
 * @param position  coordinates
 * @param occupancy occupancy column, NaN when absent
 * @param serial    serial number, or -1 when it is not a decimal number
 */
record PocketAtomLine(String record, String atomName, String resName, ResidueKey residue, Point3 position,
                      double occupancy, int serial) {

    /** Parses a line; empty for lines that are not ATOM/HETATM records. */
    static Optional<PocketAtomLine> parse(String line) {
        if (!(line.startsWith("ATOM") || line.startsWith("HETATM"))) {
            return Optional.empty();
        }
        if (line.length() < 54) {
            throw new IllegalArgumentException("atom line shorter than the coordinate columns: '" + line + "'");
        }
        String record = line.substring(0, 6).trim();
        String atomName = line.substring(12, 16).trim();
        String resName = line.substring(17, 20).trim();
        String chain = line.substring(21, 22).trim();
        int resSeq = Integer.parseInt(line.substring(22, 26).trim());
        char ins = line.length() > 26 ? line.charAt(26) : ' ';
        double x = Double.parseDouble(line.substring(30, 38).trim());
        double y = Double.parseDouble(line.substring(38, 46).trim());
        double z = Double.parseDouble(line.substring(46, 54).trim());
        double occ = Double.NaN;
        if (line.length() >= 60 && !line.substring(54, 60).isBlank()) {
            occ = Double.parseDouble(line.substring(54, 60).trim());
        }
        int serial;
        try {
            serial = Integer.parseInt(line.substring(6, 11).trim());
        } catch (NumberFormatException e) {
            serial = -1;
        }
        return Optional.of(new PocketAtomLine(record, atomName, resName, new ResidueKey(chain, resSeq, ins),
                new Point3(x, y, z), occ, serial));
    }
}
