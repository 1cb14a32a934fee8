package org.sparsepocket.eval;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One protein of an evaluation dataset. Immutable.
 *
 * @param id         name used in reports and to find other tools' predictions ("1abc")
 * @param protein    the protein file
 * @param ligand     a separate ligand file (our PDBQT layout), or null when the ligands are the
 *                   relevant het groups of the protein file
 * @param prediction another tool's prediction for it (from a dataset file's {@code prediction}
 *                   column), or null to look it up in the predictions folder
 */
public record DatasetItem(String id, Path protein, Path ligand, Path prediction) {

    public DatasetItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protein, "protein");
    }

    public Optional<Path> ligandFile() {
        return Optional.ofNullable(ligand);
    }

    public Optional<Path> predictionFile() {
        return Optional.ofNullable(prediction);
    }
}
