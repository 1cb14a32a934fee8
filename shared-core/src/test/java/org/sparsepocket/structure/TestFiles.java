package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Locates the committed example and the shared data set; builds test inputs. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The repository root: the first ancestor of the working directory holding the launcher. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("sparsepocket"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root (with ./sparsepocket) not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** examples/1fbl.pdb: MMP-1 (chain A, 2966 protein heavy atoms) with the inhibitor HTA A:900. */
    public static Path example() {
        return repoRoot().resolve("examples/1fbl.pdb");
    }

    public static String exampleText() {
        try {
            return Files.readString(example(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under ../shared/data; skips the test (JUnit assumption) when the data set is absent. */
    public static Path data(String relative) {
        Path root = repoRoot().resolve("../shared/data").normalize();
        assumeTrue(Files.isDirectory(root),
                "skipped: shared data not found at " + root + " (tests on real data sets need ../shared/data)");
        Path p = root.resolve(relative);
        assumeTrue(Files.exists(p), "skipped: " + p + " not found in the shared data");
        return p;
    }

    /** Appends v with the decimals of {@code scale} (1000: three), fast enough for 300,000 atoms. */
    private static StringBuilder fixed(StringBuilder b, double v, int scale) {
        if (!Double.isFinite(v) || Math.abs(v) > 1e12) {
            return b.append(v);
        }
        long n = Math.round(Math.abs(v) * scale);
        if (v < 0 && n != 0) {
            b.append('-');
        }
        b.append(n / scale).append('.');
        String frac = Long.toString(n % scale + scale);
        return b.append(frac, 1, frac.length());
    }

    public static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                gz.write(data);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * mmCIF text with entity records and an atom_site loop for the given atoms (one model). Chain ids
     * are used for both label and auth asym ids.
     */
    public static String mmCif(String name, List<Atom> atoms, boolean hetatm) {
        StringBuilder b = new StringBuilder(atoms.size() * 110 + 1024);
        b.append("data_").append(name).append("\n#\n");
        // Entity records as the PDB writes them: one polymer entity, every chain an instance of it.
        b.append("_entity.id 1\n_entity.type polymer\n#\nloop_\n_struct_asym.id\n_struct_asym.entity_id\n");
        atoms.stream().map(a -> a.residue().chainId()).distinct().forEach(c -> b.append(c).append(" 1\n"));
        b.append("#\nloop_\n");
        for (String f : List.of("group_PDB", "id", "type_symbol", "label_atom_id", "label_alt_id",
                "label_comp_id", "label_asym_id", "label_entity_id", "label_seq_id", "pdbx_PDB_ins_code",
                "Cartn_x", "Cartn_y", "Cartn_z", "occupancy", "B_iso_or_equiv", "auth_seq_id",
                "auth_comp_id", "auth_asym_id", "auth_atom_id", "pdbx_PDB_model_num")) {
            b.append("_atom_site.").append(f).append('\n');
        }
        int serial = 1;
        for (Atom a : atoms) {
            ResidueId r = a.residue();
            String atomName = a.name().contains("'") ? "\"" + a.name() + "\"" : a.name();
            b.append(hetatm ? "HETATM " : "ATOM ").append(serial++).append(' ').append(a.element()).append(' ')
                    .append(atomName).append(" . ").append(r.name()).append(' ').append(r.chainId()).append(" 1 ")
                    .append(r.number()).append(" ? ");
            fixed(b, a.x(), 1000).append(' ');
            fixed(b, a.y(), 1000).append(' ');
            fixed(b, a.z(), 1000).append(' ');
            fixed(b, a.occupancy(), 100).append(' ');
            fixed(b, a.bFactor(), 100).append(' ').append(r.number()).append(' ').append(r.name()).append(' ')
                    .append(r.chainId()).append(' ').append(atomName).append(" 1\n");
        }
        b.append("#\n");
        return b.toString();
    }
}
