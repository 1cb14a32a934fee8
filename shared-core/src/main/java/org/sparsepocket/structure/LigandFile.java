package org.sparsepocket.structure;

import java.nio.file.Path;

/**
 * Reads a separate ligand file (e.g. the training sets' {@code <id>_ligand.pdbqt.gz}): every heavy atom
 * of the first model is one molecule. The ligand's residue identity (its name is the ligand code) is
 * that of the file's first residue; peptide ligands of several residues stay one molecule. Same formats
 * and compressions as {@link StructureLoader}.
 */
public final class LigandFile {

    private LigandFile() {
    }

    /** Loads one ligand molecule from a file. */
    public static Ligand load(Path file) {
        return parse(StructureInput.read(file), file.toString());
    }

    /** Parses one ligand molecule held in memory. */
    public static Ligand parse(byte[] content, String name) {
        StructureInput.Decoded decoded = StructureInput.decode(content, name);
        return StructureAssembler.molecule(BioJavaReader.read(decoded), name);
    }
}
