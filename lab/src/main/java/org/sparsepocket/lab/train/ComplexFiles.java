package org.sparsepocket.lab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The two files of one complex in our data sets: {@code <id>_protein.pdbqt.gz} and
 * {@code <id>_ligand.pdbqt.gz} in the same folder.
 *
 * @param set     the data set's folder name (e.g. "scpdb995"), used in cache paths and card hashes
 * @param id      complex identifier, the file name prefix
 * @param protein the protein file
 * @param ligand  the ligand file
 */
public record ComplexFiles(String set, String id, Path protein, Path ligand) {

    static final String PROTEIN_SUFFIX = "_protein.pdbqt.gz";
    static final String LIGAND_SUFFIX = "_ligand.pdbqt.gz";

    public ComplexFiles {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protein, "protein");
        Objects.requireNonNull(ligand, "ligand");
    }

    /**
     * Every complex of a data set folder, sorted by id. A protein file without its ligand file is an
     * error (a data set with holes would silently change what the model is trained on).
     */
    public static List<ComplexFiles> scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("data set folder not found: " + folder);
        }
        String set = folder.toAbsolutePath().normalize().getFileName().toString();
        List<ComplexFiles> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(PROTEIN_SUFFIX)) {
                    continue;
                }
                String id = name.substring(0, name.length() - PROTEIN_SUFFIX.length());
                Path ligand = folder.resolve(id + LIGAND_SUFFIX);
                if (!Files.isRegularFile(ligand)) {
                    throw new IllegalArgumentException(p + ": ligand file " + ligand.getFileName() + " is missing");
                }
                out.add(new ComplexFiles(set, id, p, ligand));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no *" + PROTEIN_SUFFIX + " files in " + folder);
        }
        return out;
    }

    /** "scpdb995/1a2b" — unique across data sets. */
    public String key() {
        return set + "/" + id;
    }
}
