package org.sparsepocket.table;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.sparsepocket.structure.FetchSettings;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.LigandFile;
import org.sparsepocket.structure.StructureException;
import org.sparsepocket.structure.StructureFormat;
import org.sparsepocket.table.StructureCell.FilePath;
import org.sparsepocket.table.StructureCell.Text;
import org.sparsepocket.table.StructureCell.Url;

/**
 * A known ligand from a table cell: SDF/MOL or MOL2 text (what KNIME's chemistry cells hold, read with
 * CDK), PDB/PDBQT/mmCIF text, or a path or URL to any of these files. Heavy atoms only; the whole
 * cell is one molecule (the first of an SD file).
 */
public final class LigandCell {

    /** Residue name given to ligands read from SDF/MOL2, which carry no ligand code. */
    public static final String CODE = LigandFile.CODE;

    private LigandCell() {
    }

    /**
     * @param rowKey names PDB/mmCIF ligand text (the caller prefixes messages with the row key)
     * @throws StructureException naming the ligand input and the problem when the cell holds no readable ligand
     */
    public static Ligand load(String rowKey, String cell, FetchSettings fetch) {
        if (cell == null || cell.isBlank()) {
            throw new StructureException("ligand", "the cell is empty");
        }
        String trimmed = cell.strip();
        byte[] text = trimmed.getBytes(StandardCharsets.UTF_8);
        StructureFormat format = StructureFormat.of(text);
        if (format != null && !format.isStructure()) {
            return LigandFile.parse(text, "ligand");   // SDF/MOL2 text as chemistry cells hold it
        }
        StructureCell c;
        try {
            c = StructureCell.interpret(cell, rowKey);
        } catch (IllegalArgumentException e) {
            throw new StructureException("ligand", e.getMessage());
        }
        if (c instanceof Text t) {
            return LigandFile.parse(t.text().getBytes(StandardCharsets.UTF_8), t.fileName());
        }
        if (c instanceof FilePath p) {
            return LigandFile.load(p.path());
        }
        if (c instanceof Url u) {
            URI uri = u.uri();
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                return LigandFile.load(CellPredictor.localPath(uri));
            }
            return LigandFile.parse(CellPredictor.download(uri, fetch), CellPredictor.fileName(uri));
        }
        throw new StructureException(trimmed, "a ligand is given as SDF, MOL2 or PDB text, a path or a URL, "
                + "not as a database ID");
    }
}
