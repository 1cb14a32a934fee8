package org.sparsepocket.eval;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.Structure;

/**
 * Writes a loaded protein as plain PDB ATOM records, the input other tools (fpocket, P2Rank, ...) are
 * run on, so that every tool sees exactly the heavy atoms SparsePocket and the truth labels see: same
 * atoms, chains and residue numbers. Serials are 1..n in the loader's atom order.
 */
public final class ProteinPdbExport {

    private ProteinPdbExport() {
    }

    /** The PDB text of the protein atoms. */
    public static String pdb(Structure structure) {
        StringBuilder sb = new StringBuilder(structure.protein().size() * 81 + 64);
        sb.append("REMARK   1 ").append(structure.name()).append(": protein heavy atoms as loaded by SparsePocket\n");
        int serial = 0;
        String lastChain = null;
        for (Atom a : structure.protein()) {
            ResidueId r = a.residue();
            if (lastChain != null && !lastChain.equals(r.chainId())) {
                sb.append("TER\n");
            }
            lastChain = r.chainId();
            serial++;
            String name = a.name().length() > 4 ? a.name().substring(0, 4) : a.name();
            if (name.length() < 4 && a.element().length() == 1) {
                name = " " + name;   // PDB convention: one-letter elements start in column 14
            }
            String resName = r.name().length() > 3 ? r.name().substring(0, 3) : r.name();
            sb.append(String.format(Locale.ROOT, "ATOM  %5d %-4s %3s %c%4d%c   %8.3f%8.3f%8.3f%6.2f%6.2f          %2s%n",
                    serial % 100_000, name, resName, r.chainId().isEmpty() ? ' ' : r.chainId().charAt(0),
                    r.number(), r.insertionCode(), a.x(), a.y(), a.z(), Math.min(a.occupancy(), 999.99),
                    Math.min(a.bFactor(), 999.99), a.element().toUpperCase(Locale.ROOT)));
        }
        sb.append("TER\nEND\n");
        return sb.toString();
    }

    /** Writes {@code DIR/ID.pdb} atomically; returns the file. */
    public static Path write(Structure structure, Path dir, String id) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(id + ".pdb");
            Path tmp = Files.createTempFile(dir, id, ".tmp");
            Files.writeString(tmp, pdb(structure));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new EvaluationException(dir + ": cannot write " + id + ".pdb (" + e.getMessage() + ")", e);
        }
    }
}
