package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    @Test
    void folderInTheProjectLayout(@TempDir Path tmp) throws IOException {
        for (String f : List.of("2b_protein.pdbqt.gz", "2b_ligand.pdbqt.gz", "1a_protein.pdbqt.gz",
                "1a_ligand.pdbqt.gz", "README.md")) {
            Files.createFile(tmp.resolve(f));
        }
        List<DatasetItem> items = Dataset.of(tmp);
        assertEquals(List.of("1a", "2b"), items.stream().map(DatasetItem::id).toList());
        assertEquals(tmp.resolve("1a_ligand.pdbqt.gz"), items.get(0).ligand());
    }

    @Test
    void folderWithAMissingLigandNamesTheFile(@TempDir Path tmp) throws IOException {
        Files.createFile(tmp.resolve("1a_protein.pdb"));
        EvaluationException e = assertThrows(EvaluationException.class, () -> Dataset.of(tmp));
        assertTrue(e.getMessage().contains("1a_ligand.pdb"), e.getMessage());
    }

    @Test
    void p2rankDatasetFileWithHeader() {
        Path ds = SharedData.require("p2rank-testdata/fpocket.ds");
        List<DatasetItem> items = Dataset.of(ds);
        assertEquals(4, items.size());
        assertEquals("1a82a", items.get(0).id());
        assertTrue(items.get(0).protein().endsWith("liganated/1a82a.pdb"));
        assertTrue(items.get(0).prediction().endsWith("predictions/fpocket/1a82a_out/1a82a_out.pdb"));
        assertNull(items.get(0).ligand());
    }

    @Test
    void plainListFile(@TempDir Path tmp) throws IOException {
        Files.createFile(tmp.resolve("x_protein.pdb"));
        Files.createFile(tmp.resolve("x_ligand.pdb"));
        Path list = Files.writeString(tmp.resolve("set.txt"), "# two columns\nx_protein.pdb x_ligand.pdb\n");
        DatasetItem item = Dataset.of(list).get(0);
        assertEquals("x", item.id());
        assertEquals(tmp.resolve("x_ligand.pdb"), item.ligand());
    }

    @Test
    void missingProteinIsReportedWithFileAndLine(@TempDir Path tmp) throws IOException {
        Path list = Files.writeString(tmp.resolve("set.txt"), "\nnope.pdb\n");
        EvaluationException e = assertThrows(EvaluationException.class, () -> Dataset.of(list));
        assertTrue(e.getMessage().startsWith(list + ":2:"), e.getMessage());
    }
}
