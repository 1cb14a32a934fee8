package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sparsepocket.table.StructureCell.FilePath;
import org.sparsepocket.table.StructureCell.DatabaseId;
import org.sparsepocket.table.StructureCell.Text;
import org.sparsepocket.structure.StructureFormat;
import org.sparsepocket.table.StructureCell.Url;

class StructureCellTest {

    private static final String PDB = """
            HEADER    HYDROLASE                               01-JAN-00   1ABC              
            ATOM      1  N   SER A  10       1.000   2.000   3.000  1.00 10.00           N
            END
            """;

    @Test
    void pdbTextTakesItsNameFromTheHeader() {
        Text t = assertInstanceOf(Text.class, StructureCell.interpret(PDB, "Row1"));
        assertEquals(StructureFormat.PDB, t.format());
        assertEquals("1abc", t.name());
        assertEquals("1abc.pdb", t.fileName());
    }

    @Test
    void pdbTextWithoutHeaderIsNamedAfterTheRow() {
        String atoms = "ATOM      1  N   SER A  10       1.000   2.000   3.000  1.00 10.00           N\nEND\n";
        Text t = assertInstanceOf(Text.class, StructureCell.interpret(atoms, "Row1"));
        assertEquals("Row1", t.name());
        assertEquals(StructureFormat.PDB, t.format());
    }

    @Test
    void mmcifText() {
        Text t = assertInstanceOf(Text.class,
                StructureCell.interpret("# comment\ndata_4XYZ\n#\nloop_\n_atom_site.group_PDB\n", "Row2"));
        assertEquals(StructureFormat.MMCIF, t.format());
        assertEquals("4xyz", t.name());
        assertEquals("4xyz.cif", t.fileName());
    }

    @Test
    void pdbIds() {
        assertEquals(new DatabaseId("1ABC"), StructureCell.interpret(" 1ABC ", "r"));
        assertEquals(new DatabaseId("P69905"), StructureCell.interpret("P69905", "r"));
    }

    @Test
    void urlsAndPaths() {
        assertEquals(new Url(URI.create("https://files.rcsb.org/download/1abc.cif")),
                StructureCell.interpret("https://files.rcsb.org/download/1abc.cif", "r"));
        assertEquals(new Url(URI.create("knime://knime.workflow/data/my%20protein.pdb")),
                StructureCell.interpret("knime://knime.workflow/data/my protein.pdb", "r"));
        assertEquals(new Url(URI.create("file:/tmp/x.pdb")), StructureCell.interpret("file:/tmp/x.pdb", "r"));
        assertEquals(new FilePath(Path.of("/data/pdb/1abc.pdb")), StructureCell.interpret("/data/pdb/1abc.pdb", "r"));
        assertEquals(new FilePath(Path.of("1abcd")), StructureCell.interpret("1abcd", "r"));
        assertEquals(new FilePath(Path.of("protein.cif.gz")), StructureCell.interpret("protein.cif.gz", "r"));
    }

    @Test
    void emptyCellsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StructureCell.interpret("  ", "r"));
        assertThrows(IllegalArgumentException.class, () -> StructureCell.interpret(null, "r"));
    }

    /** Found by the KNIME audit: such cells were read as a path and failed with "ATOM ...: no such file". */
    @Test
    void structureTextWithoutLineBreaksIsNamedAsSuch() {
        var e = assertThrows(IllegalArgumentException.class, () -> StructureCell.interpret(
                "ATOM      1  N   MET A   1      10.000  10.000  10.000  1.00  0.00           N", "r"));
        assertTrue(e.getMessage().startsWith("\"ATOM      1  N   MET A   1"), e.getMessage());
        assertTrue(e.getMessage().endsWith("...\" is structure text on one line; its line breaks are missing"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StructureCell.interpret("HEADER    HYDROLASE  1FBL", "r"));
        assertEquals(new FilePath(Path.of("ATOM.pdb")), StructureCell.interpret("ATOM.pdb", "r"));
    }

    @Test
    void controlCharactersAreNotCopiedIntoMessages() {
        var e = assertThrows(IllegalArgumentException.class, () -> StructureCell.interpret("\u0000\u001b[31mx", "r"));
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
    }
}
